// The language switcher keeps the section: both languages share heading anchors,
// so each language link carries the current #anchor (on load and on every change).
function keepSectionInLanguageLinks() {
  for (const link of document.querySelectorAll("a[hreflang]")) {
    link.hash = location.hash
  }
}
keepSectionInLanguageLinks()
window.addEventListener("hashchange", keepSectionInLanguageLinks)
