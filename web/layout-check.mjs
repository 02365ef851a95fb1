/**
 * Runs in the page (page.evaluate): what is wider than the screen, and every timeline item (a vis-timeline
 * item, or an entry of the narrow-screen list) whose box runs past its panel's edge. Empty when the page
 * fits. Shared by the browser tests and the README screenshots, so a screenshot never shows a cut label.
 * @returns {string[]}
 */
export function layoutProblems() {
  const found = [];
  const width = document.documentElement.scrollWidth;
  if (width > window.innerWidth) found.push(`the page is ${width} px wide in a ${window.innerWidth} px window`);
  const panel = document.querySelector('#timeline .vis-panel.vis-center');
  const list = document.querySelector('#timeline-list');
  for (const item of document.querySelectorAll('#timeline .vis-item:not(.vis-dot):not(.vis-line), #timeline-list .timeline-entry')) {
    const box = item.getBoundingClientRect();
    if (box.width === 0) continue;
    const edge = (item.matches('.vis-item') ? panel : list).getBoundingClientRect();
    if (box.left < edge.left - 0.5 || box.right > edge.right + 0.5) {
      found.push(`"${item.textContent}" spans ${Math.round(box.left)}-${Math.round(box.right)} px, its panel ${Math.round(edge.left)}-${Math.round(edge.right)} px`);
    }
  }
  return found;
}

/** How many timeline items are drawn (vis-timeline's or the list's, whichever the width shows). */
export function shownTimelineItems() {
  return [...document.querySelectorAll('#timeline .vis-item:not(.vis-dot):not(.vis-line), #timeline-list .timeline-entry')].filter((e) => e.getBoundingClientRect().width > 0).length;
}
