// A focused accessibility audit run inside the page (WCAG 2.1 AA checks that matter for our forms):
// document language, one h1, a label for every control, alt text, error fields described, and text contrast.
// Returns a list of problems, each naming the element; an empty list passes.
() => {
  const problems = [];
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (el.getAttribute('name') ? '[name=' + el.getAttribute('name') + ']' : '') +
      (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '');
  const hidden = (el) => {
    for (let e = el; e; e = e.parentElement) {
      if (e.getAttribute && e.getAttribute('aria-hidden') === 'true') return true;
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden') return true;
    }
    return false;
  };
  const lang = document.documentElement.getAttribute('lang');
  if (!lang || !/^(zh-CN|en)$/.test(lang)) problems.push('html lang is "' + lang + '", expected zh-CN or en');
  if (!document.title.trim()) problems.push('the page has no title');
  const h1 = [...document.querySelectorAll('h1')].filter(h => !hidden(h));
  if (h1.length !== 1) problems.push('expected one visible h1, found ' + h1.length);

  for (const c of document.querySelectorAll('input, select, textarea')) {
    if (c.type === 'hidden' || hidden(c)) continue;
    const labelled = (c.id && document.querySelector('label[for="' + CSS.escape(c.id) + '"]')) ||
        c.closest('label') || c.getAttribute('aria-label') || c.getAttribute('aria-labelledby');
    if (!labelled) problems.push('no label: ' + describe(c));
    if (c.getAttribute('aria-invalid') === 'true' && !c.getAttribute('aria-describedby') &&
        !document.querySelector('[role=alert]')) {
      problems.push('invalid field without a described error: ' + describe(c));
    }
  }
  for (const b of document.querySelectorAll('button, a[href]')) {
    if (hidden(b)) continue;
    const name = (b.textContent || '').trim() || b.getAttribute('aria-label') || b.getAttribute('title');
    if (!name) problems.push('no accessible name: ' + describe(b));
  }
  for (const img of document.querySelectorAll('img')) {
    if (!img.hasAttribute('alt')) problems.push('image without alt: ' + describe(img));
  }

  // contrast of every element that directly holds visible text
  const rgba = (s) => { const m = s.match(/rgba?\(([^)]+)\)/); if (!m) return null;
    const p = m[1].split(',').map(x => parseFloat(x)); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0.5) return c;
    }
    return {r: 255, g: 255, b: 255, a: 1};
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || !el || seen.has(el) || hidden(el)) continue;
    if (['SCRIPT', 'STYLE', 'OPTION', 'DATALIST'].includes(el.tagName)) continue;
    seen.add(el);
    const s = getComputedStyle(el);
    const fg = rgba(s.color), bg = background(el);
    if (!fg) continue;
    const l1 = lum(fg), l2 = lum(bg);
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    const size = parseFloat(s.fontSize), bold = parseInt(s.fontWeight, 10) >= 700;
    const large = size >= 24 || (bold && size >= 18.66);
    if (ratio < (large ? 3 : 4.5)) {
      problems.push('contrast ' + ratio.toFixed(2) + ' for "' + n.textContent.trim().slice(0, 30) + '" in ' + describe(el));
    }
  }
  return problems;
}
