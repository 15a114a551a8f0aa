// Paints the background of the theme named in the URL before the app loads, so a dark page never
// flashes white. Inside Teams (framed, no theme in the URL) the page stays transparent until the
// Teams context names the theme. A file rather than an inline script: the pages run no inline script.
(function () {
  var backgrounds = { default: '#fafafa', dark: '#242424', contrast: '#000000' };
  var theme = new URLSearchParams(location.search).get('theme');
  var known = theme === 'default' || theme === 'dark' || theme === 'contrast';
  if (!known && window.self !== window.top) return;
  var root = document.documentElement;
  root.style.backgroundColor = known ? backgrounds[theme] : backgrounds.default;
  root.style.colorScheme = theme === 'dark' || theme === 'contrast' ? 'dark' : 'light';
})();
