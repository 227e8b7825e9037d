import { render } from 'preact';
import { LanguageProvider } from '../../ui/language';
import { Options } from './Options';
import '../../ui/theme.css';
import './options.css';

render(
  <LanguageProvider>
    <Options />
  </LanguageProvider>,
  document.getElementById('app')!,
);
