import { render } from 'preact';
import { LanguageProvider } from '../../ui/language';
import { Popup } from './Popup';
import '../../ui/theme.css';
import './popup.css';

render(
  <LanguageProvider>
    <Popup />
  </LanguageProvider>,
  document.getElementById('app')!,
);
