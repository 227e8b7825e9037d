/**
 * Ways a hostile page can hide, disguise or cover Ownpost's panel so that the user's click lands in it
 * without the user seeing what they click (DOM-based clickjacking of extension UIs, issue 14). Each is a
 * script the page runs (given to `page.evaluate` as a string, so Chromium's and Firefox's tests share
 * them); every one leaves the clicks passing through to the panel's frame. `UNDO_CLICKJACKS` takes them
 * all back. The panel must refuse the user's clicks while any of them is in place.
 */
const HOST = `document.querySelector('ownpost-panel-ui')`;

/** A box exactly over the panel's container, in the page's own words ("Click here to claim your prize"). */
const decoyOver = (tag: string, extra = '') => `(() => {
  const rect = ${HOST}.getBoundingClientRect();
  const decoy = document.createElement('${tag}');
  decoy.id = 'decoy';
  decoy.textContent = 'Click here to claim your prize';
  decoy.style.cssText = 'position:fixed;margin:0;border:0;padding:0;z-index:2147483647;pointer-events:none;background:#fc0;font:40px sans-serif;left:' + rect.left + 'px;top:' + rect.top + 'px;width:' + rect.width + 'px;height:' + rect.height + 'px';
  ${extra}
})()`;

export const CLICKJACKS: { name: string; script: string }[] = [
  {
    name: 'a decoy drawn over the panel, after its container in the document, that lets clicks through',
    script: decoyOver('div', 'document.documentElement.append(decoy);'),
  },
  {
    name: 'the page’s own popover in the top layer, over the panel, letting clicks through',
    script: decoyOver('div', `decoy.popover = 'manual'; document.body.append(decoy); decoy.showPopover();`),
  },
  {
    name: 'a pseudo-element of the panel’s own container (::after) drawn over the frame',
    script: `(() => {
      const style = document.createElement('style');
      style.id = 'decoy-style';
      style.textContent = 'ownpost-panel-ui::after { content: "Click here to claim your prize"; position: absolute; inset: 0; z-index: 2147483647; pointer-events: none; background: #fc0; font: 40px sans-serif; }';
      document.head.append(style);
    })()`,
  },
  {
    name: 'a pseudo-element of the page’s root (html::after) drawn over the panel',
    script: `(() => {
      const rect = ${HOST}.getBoundingClientRect();
      const style = document.createElement('style');
      style.id = 'decoy-style';
      style.textContent = 'html::after { content: "Click here to claim your prize"; position: fixed; z-index: 2147483647; pointer-events: none; background: #fc0; font: 40px sans-serif; left: ' + rect.left + 'px; top: ' + rect.top + 'px; width: ' + rect.width + 'px; height: ' + rect.height + 'px; }';
      document.head.append(style);
    })()`,
  },
  {
    name: 'a popover inside a web component’s closed shadow root, in the top layer over the panel, letting clicks through',
    script: decoyOver(
      'div',
      `decoy.id = ''; decoy.popover = 'manual';
      const component = document.createElement('div');
      component.id = 'decoy';
      document.body.append(component);
      component.attachShadow({ mode: 'closed' }).append(decoy);
      decoy.showPopover();`,
    ),
  },
  {
    name: 'a decoy in the closed shadow root of an element after the container, at the largest z-index, letting clicks through',
    script: decoyOver(
      'div',
      `decoy.id = '';
      const component = document.createElement('div');
      component.id = 'decoy';
      component.style.cssText = 'position:fixed;left:0;top:0;width:0;height:0;z-index:2147483647';
      document.documentElement.append(component);
      component.attachShadow({ mode: 'closed' }).append(decoy);`,
    ),
  },
  { name: 'the panel made fully transparent (opacity 0)', script: `${HOST}.style.setProperty('opacity', '0', 'important')` },
  { name: 'the panel turned upside down (the rotate property, not transform)', script: `${HOST}.style.setProperty('rotate', '180deg', 'important')` },
  { name: 'the panel mirrored (scale: -1 1)', script: `${HOST}.style.setProperty('scale', '-1 1', 'important')` },
];

export const UNDO_CLICKJACKS = `(() => {
  document.getElementById('decoy')?.remove();
  document.getElementById('decoy-style')?.remove();
  const host = ${HOST};
  for (const name of ['opacity', 'rotate', 'scale']) host?.style.removeProperty(name);
})()`;
