// The projector wall (/forums/{id}/wall) turns its own pages so that it never needs a scrollbar:
// - [data-rotate="columns"]: ideas flow in CSS columns; the overflow forms further "pages" to the right, shown one
//   after the other by scrolling the container sideways (a page is exactly the container's width plus one gap);
// - [data-rotate="pages"]: children .wall-page (one ballot each) are shown one at a time;
// - a page that would still overflow gets the class "compact" (explanation details hidden), then "tight" (smaller text).
// The page indicator is the next [data-page-of] after the container. Blazor re-renders the content live: everything is
// measured again at every tick, and the classes this script adds are ones Blazor does not render, so they survive.
(function () {
    "use strict";

    const state = new WeakMap();
    const reduced = window.matchMedia("(prefers-reduced-motion: reduce)");

    function indicator(container) {
        let node = container.nextElementSibling;
        while (node && !node.hasAttribute("data-page-of")) {
            node = node.nextElementSibling;
        }
        return node;
    }

    function show(container, page, count) {
        const label = indicator(container);
        if (label) {
            label.textContent = count > 1 ? `${page + 1} / ${count}` : "";
        }
    }

    function columns(container, s, now) {
        const gap = parseFloat(getComputedStyle(container).columnGap) || 0;
        const step = container.clientWidth + gap;
        const count = step > 0 ? Math.max(1, Math.round((container.scrollWidth + gap) / step)) : 1;
        if (now - s.since >= s.interval) {
            s.page = (s.page + 1) % count;
            s.since = now;
        }
        s.page = Math.min(s.page, count - 1);
        const left = s.page * step;
        if (Math.abs(container.scrollLeft - left) > 1) {
            container.scrollTo({ left, behavior: reduced.matches ? "auto" : "smooth" });
        }
        show(container, s.page, count);
    }

    function pages(container, s, now) {
        const all = Array.from(container.children).filter((c) => c.classList.contains("wall-page"));
        const count = all.length;
        if (count === 0) {
            return;
        }
        if (now - s.since >= s.interval) {
            s.page = (s.page + 1) % count;
            s.since = now;
        }
        s.page = Math.min(s.page, count - 1);
        container.classList.add("rotating");
        all.forEach((page, i) => page.classList.toggle("is-current", i === s.page));
        fit(container, all[s.page]);
        show(container, s.page, count);
    }

    /** Tightens the shown page until it fits the container's height (never loosened while shown: no flicker). */
    function fit(container, page) {
        const overflows = () => page.scrollHeight > container.clientHeight + 1;
        if (overflows()) {
            page.classList.add("compact");
        }
        if (overflows()) {
            page.classList.add("tight");
        }
    }

    function tick() {
        const now = Date.now();
        for (const container of document.querySelectorAll("[data-rotate]")) {
            let s = state.get(container);
            if (!s) {
                s = { page: 0, since: now, interval: parseInt(container.dataset.interval, 10) || 15000 };
                state.set(container, s);
            }
            if (container.dataset.rotate === "columns") {
                columns(container, s, now);
            } else {
                pages(container, s, now);
            }
        }
    }

    setInterval(tick, 500);
    document.addEventListener("DOMContentLoaded", tick);
})();
