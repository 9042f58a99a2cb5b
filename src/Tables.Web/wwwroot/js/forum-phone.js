// The participant's phone page (/j/{code}): join, follow the current activity, propose ideas, vote.
// Talks to ForumHub (/hubs/forum, see docs/FORUMS.md) with @microsoft/signalr 10.0.11 (lib/signalr/signalr.min.js, MIT).
// Every string comes from the page (<script id="phone-text">, rendered from the resources): none is written here.
(function () {
    "use strict";

    const root = document.getElementById("phone");
    if (!root || !window.signalR) {
        return;
    }
    const code = root.dataset.code;
    const TEXT = JSON.parse(document.getElementById("phone-text").textContent);
    // Numbers in messages are written the person's way ("10 000" in French).
    const numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);
    const show = (value) => (typeof value === "number" ? numbers.format(value) : value.toString());
    const t = (key, ...args) => (TEXT[key] ?? key).replace(/\{(\d+)\}/g, (m, i) => (args[+i] === undefined || args[+i] === null ? m : show(args[+i])));
    // Counted strings have real plural forms ("Key.one", "Key.other"), chosen by the language's plural rules; n is {0}.
    const plurals = new Intl.PluralRules(document.documentElement.lang || "fr");
    const tn = (key, n, ...args) => t(TEXT[`${key}.${plurals.select(n)}`] !== undefined ? `${key}.${plurals.select(n)}` : `${key}.other`, n, ...args);
    const $ = (id) => document.getElementById(id);
    const tokenKey = "tables.token." + code;
    const RANKED = ["borda", "schulze", "irv"];
    const TIES = ["borda", "schulze"];

    const state = {
        token: load(tokenKey),
        joined: false,
        me: null,
        version: -1,
        snapshot: null,
        results: {},          // ballot id → newest BallotResults
        drafts: {},           // ballot id → { values: {token: n}, ranking: [token], dirty, pendingId, pendingVersion }
        versions: {},         // ballot id → the highest version of my ballot known stored (the server refuses older ones)
        acked: {},            // ballot id → the content the server acknowledged last
        sending: false,
        offline: false,       // the connection is down: what the page shows may be out of date
        shown: null,          // key of the ballot form on screen (id + status)
        ballotMessage: null,  // { kind: "ok" | "dirty" | "sending", ballotId }
        pendingJoin: null,    // a join asked for before the connection was up
        chosen: null,         // the open ballot the person picked when several are open
    };

    // ---------- small helpers ----------

    function load(key) {
        try { return window.localStorage.getItem(key); } catch { return null; }
    }

    function save(key, value) {
        try { window.localStorage.setItem(key, value); } catch { /* private mode: the token lives as long as the page */ }
    }

    /** A fresh id for idempotent messages; crypto.randomUUID needs a secure context, a room's LAN may be plain http. */
    function newId() {
        if (window.crypto && typeof window.crypto.randomUUID === "function") {
            return window.crypto.randomUUID();
        }
        const b = window.crypto.getRandomValues(new Uint8Array(16));
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
        return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    }

    function el(tag, attrs, ...children) {
        const node = document.createElement(tag);
        for (const [name, value] of Object.entries(attrs || {})) {
            if (value === null || value === undefined || value === false) {
                continue;
            }
            if (name === "text") {
                node.textContent = value;
            } else if (name.startsWith("on")) {
                node.addEventListener(name.slice(2), value);
            } else if (value === true) {
                node.setAttribute(name, "");
            } else {
                node.setAttribute(name, value);
            }
        }
        for (const child of children) {
            if (child !== null && child !== undefined && child !== false) {
                node.append(child);
            }
        }
        return node;
    }

    function setStatus(message) {
        $("phone-status").textContent = message || "";
    }

    /**
     * Offline, the page says so at once and marks what it shows as possibly out of date (greyed, a banner); back
     * online, it says so for a few seconds. Sending is impossible meanwhile, so the send buttons wait.
     */
    function markStale(stale) {
        const was = state.offline;
        state.offline = stale;
        root.classList.toggle("stale", stale);
        $("phone-offline").hidden = !stale;
        if (stale) {
            setStatus(""); // the banner says it all
        }
        for (const id of ["ballot-submit", "idea-submit"]) {
            const button = $(id);
            if (button) {
                button.disabled = stale || (id === "ballot-submit" && state.sending);
            }
        }
        if (was && !stale) {
            const back = t("BackOnline");
            setStatus(back);
            setTimeout(() => {
                if ($("phone-status").textContent === back) {
                    setStatus("");
                }
            }, 5000);
        }
    }

    function showError(error) {
        $("phone-alert").textContent = errorText(error);
    }

    function clearError() {
        $("phone-alert").textContent = "";
    }

    /** A HubException's message is localized by the server and shown as is; anything else gets the generic message. */
    function errorText(error) {
        const message = (error && error.message) || "";
        const marker = "HubException: ";
        const at = message.indexOf(marker);
        return at >= 0 ? message.slice(at + marker.length) : t("Error");
    }

    const isHubRefusal = (error) => ((error && error.message) || "").includes("HubException: ");

    // ---------- connection ----------

    const connection = new signalR.HubConnectionBuilder()
        .withUrl(root.dataset.hub)
        // Keep trying for as long as the page is open: Wi-Fi in a church basement comes and goes, servers restart.
        .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => [0, 1000, 2000, 5000][ctx.previousRetryCount] ?? 10000 })
        .build();
    // The server is given as long as it gives us (ForumHubTimeouts): a busy room is not a lost connection.
    connection.serverTimeoutInMilliseconds = 60000;
    connection.keepAliveIntervalInMilliseconds = 15000;

    // The forum's whole public state (topic forum:{id}): nothing to ask again. Versions come from the database, small
    // integers compared exactly; an older or repeated one is dropped.
    connection.on("ForumChanged", (forum) => {
        if (state.joined && forum && forum.version > state.version) {
            applyForum(forum);
        }
    });

    connection.on("ResultsChanged", (results) => {
        if (keepResults(results)) {
            renderResults();
        }
    });

    connection.onreconnecting(() => {
        setStatus(t("Reconnecting"));
        markStale(true);
    });
    connection.onreconnected(() => connected());
    connection.onclose(() => {
        setStatus(t("Offline"));
        markStale(true);
        setTimeout(start, 3000);
    });

    async function start() {
        if (connection.state !== signalR.HubConnectionState.Disconnected) {
            return;
        }
        setStatus(t("Connecting"));
        try {
            await connection.start();
            await connected();
        } catch {
            setStatus(t("Offline"));
            setTimeout(start, 3000);
        }
    }

    /** After connecting or reconnecting: resume the participant of the kept token (a fresh snapshot comes with it). */
    async function connected() {
        if (state.token) {
            $("join").hidden = true;
            await join({ code, token: state.token });
        } else if (state.pendingJoin) {
            // "Take part" was tapped before the connection was up: do it now.
            const request = state.pendingJoin;
            state.pendingJoin = null;
            await join(request);
            $("join-submit").disabled = false;
        } else if (root.dataset.status === "Closed") {
            // A closed forum takes no one new: the page only says that it has ended.
            setStatus("");
        } else {
            setStatus("");
            $("join").hidden = false;
        }
    }

    async function join(request) {
        try {
            const result = await connection.invoke("Join", request);
            state.token = result.token;
            save(tokenKey, result.token);
            state.joined = true;
            state.me = { displayName: result.displayName, group: result.group };
            clearError();
            setStatus("");
            markStale(false);
            $("join").hidden = true;
            const me = $("me");
            me.hidden = false;
            me.textContent = result.displayName ? t("JoinedAs", result.displayName) : t("JoinedAnonymous");
            applySnapshot(result.snapshot);
        } catch (error) {
            setStatus("");
            showError(error);
            if (!state.joined) {
                $("join").hidden = false;
            }
        }
    }

    /**
     * The forum changed: its public state, merged with what is ours — our ideas and our ballots (the content the server
     * acknowledged last, or the one in our own snapshot) — which the room's message does not carry.
     */
    function applyForum(forum) {
        const before = state.snapshot || { ideas: [], ballots: [] };
        const ballots = forum.ballots.map((ballot) => {
            const known = before.ballots.find((b) => b.id === ballot.id);
            return { ...ballot, myVote: state.acked[ballot.id] || (known ? known.myVote : null), results: null };
        });
        applySnapshot({ ...forum, ideas: before.ideas, participants: before.participants, ballots });
    }

    function keepResults(results) {
        if (!results) {
            return false;
        }
        const known = state.results[results.ballotId];
        if (known && known.version >= results.version) {
            return false;
        }
        state.results[results.ballotId] = results;
        return true;
    }

    // ---------- rendering ----------

    function applySnapshot(snapshot) {
        if (!snapshot || snapshot.version < state.version) {
            return;
        }
        state.version = snapshot.version;
        state.snapshot = snapshot;
        let changed = false;
        for (const ballot of snapshot.ballots) {
            if (ballot.results) {
                keepResults(ballot.results);
            }
            state.versions[ballot.id] = Math.max(state.versions[ballot.id] || 0, ballot.myVersion || 0);
            // An acknowledged vote is stored: a snapshot read just before the acknowledgement must not undo it on screen.
            if (state.acked[ballot.id]) {
                ballot.myVote = state.acked[ballot.id];
            }
            const draft = state.drafts[ballot.id];
            if (!draft || (!draft.dirty && !state.sending)) {
                const fresh = draftFrom(ballot);
                if (!draft || JSON.stringify([fresh.values, fresh.ranking, fresh.tied]) !== JSON.stringify([draft.values, draft.ranking, draft.tied])) {
                    state.drafts[ballot.id] = fresh;
                    changed = true;
                }
            }
        }
        renderEnded();
        renderIdeas();
        renderTestimony();
        renderBallot(changed);
        renderActivity();
        if (snapshot.status === "Closed") {
            // The facilitator closed the forum while the page was open: say so where the connection status goes.
            setStatus(t("ForumClosed"));
        }
    }

    function currentActivity() {
        const s = state.snapshot;
        return s && s.agenda.find((a) => a.id === s.currentActivityId);
    }

    function renderActivity() {
        const activity = currentActivity();
        // During a vote the ballot itself says what is going on: no "Right now: Vote" card above it.
        $("activity").hidden = !!activity && activity.kind === "Vote" && !$("ballot").hidden && (!activity.title || activity.title === t("Activity.Vote"));
        const kind = activity ? t("Activity." + activity.kind) : "";
        const title = $("activity-title");
        title.textContent = !activity ? t("NoActivity") : activity.title && activity.title !== kind ? `${kind} — ${activity.title}` : kind;
    }

    /** A forum closed while the phone is on it: say so (the results stay below). */
    function renderEnded() {
        $("forum-ended").hidden = !state.snapshot || state.snapshot.status !== "Closed";
    }

    function renderIdeas() {
        const activity = currentActivity();
        const open = !!activity && activity.kind === "Ideas" && state.snapshot.status === "Open";
        const mine = state.snapshot.ideas.filter((i) => i.mine);
        $("ideas").hidden = !open && mine.length === 0;
        $("idea-form").hidden = !open;
        $("ideas-closed").hidden = open;
        $("my-ideas-block").hidden = mine.length === 0;
        $("my-ideas").replaceChildren(...mine.map((i) => el("li", { text: i.text })));
        // Follow my idea (js/follow-idea.js) offers these ideas, with the participant's token as the proof they are ours.
        document.dispatchEvent(new CustomEvent("phone:my-ideas", { detail: { code, token: state.token, ideas: mine.map((i) => ({ id: i.id, text: i.text })) } }));
        updateIdeaCount();
    }

    /** The portrait step: residents tell their lived experience per theme (kept for moderation). */
    const myTestimonies = [];
    function renderTestimony() {
        const activity = currentActivity();
        const open = !!activity && activity.kind === "Portrait";
        $("testimony").hidden = !open && myTestimonies.length === 0;
        $("testimony-form").hidden = !open;
        $("my-testimonies-block").hidden = myTestimonies.length === 0;
        $("my-testimonies").replaceChildren(...myTestimonies.map((m) => el("li", { text: `${m.theme} — ${m.text}` })));
    }

    const IDEA_MAX = parseInt($("idea-text").dataset.max, 10) || 500;

    /** The count, and — past the limit — what to do: a pasted essay is never cut without a word. */
    function updateIdeaCount() {
        const box = $("idea-text");
        const length = box.value.trim().length;
        const over = length > IDEA_MAX;
        const count = $("idea-count");
        count.textContent = t("IdeaCount", box.value.length, IDEA_MAX);
        count.classList.toggle("over", over);
        box.setAttribute("aria-invalid", over ? "true" : "false");
        if (over) {
            ideaError(t("IdeaTooLong", IDEA_MAX, length));
        } else if ($("idea-error").dataset.kind === "long") {
            ideaError("");
        }
    }

    function ideaError(message, kind) {
        const box = $("idea-error");
        box.textContent = message;
        box.dataset.kind = message ? kind || "long" : "";
    }

    /** The ballot to show: an open one (the current activity's first), else the current activity's closed one for its result. */
    function currentBallot() {
        const s = state.snapshot;
        if (!s) {
            return null;
        }
        const activity = currentActivity();
        const linked = activity && activity.ballotId ? s.ballots.find((b) => b.id === activity.ballotId) : null;
        const open = s.ballots.filter((b) => b.status === "Open");
        // Several questions open at once: the one the person picked stays shown.
        const chosen = open.find((b) => b.id === state.chosen);
        if (chosen) {
            return chosen;
        }
        if (linked && linked.status === "Open") {
            return linked;
        }
        if (open.length > 0) {
            return open[open.length - 1];
        }
        if (s.status === "Closed") {
            // The forum is over: the results stay readable, the one the person picked or the last one closed.
            const closed = s.ballots.filter((b) => b.status === "Closed");
            return closed.find((b) => b.id === state.chosen) || linked || closed[closed.length - 1] || null;
        }
        return linked || null;
    }

    function draftFrom(ballot) {
        const vote = ballot.myVote;
        const ranking = vote && vote.ranking ? vote.ranking.flat() : [];
        // Options tied with the one ranked just before them (Schulze and Borda allow ties; instant-runoff does not).
        const tied = vote && vote.ranking ? vote.ranking.flatMap((group) => group.slice(1)) : [];
        const values = vote && vote.values ? { ...vote.values } : {};
        return { values, ranking, tied, dirty: false, pendingId: null };
    }

    function contentOf(ballot, draft) {
        if (RANKED.includes(ballot.method)) {
            const groups = [];
            draft.ranking.forEach((token, i) => {
                if (i > 0 && TIES.includes(ballot.method) && draft.tied.includes(token)) {
                    groups[groups.length - 1].push(token);
                } else {
                    groups.push([token]);
                }
            });
            return { ranking: groups };
        }
        const values = {};
        for (const [token, value] of Object.entries(draft.values)) {
            if (value !== null && value !== undefined && (value > 0 || isGraded(ballot))) {
                values[token] = value;
            }
        }
        return { values };
    }

    const isGraded = (ballot) => ballot.method === "score" || ballot.method === "majority-judgment";
    const maxScore = (ballot) => ballot.settings.maxScore || 5;

    /** Rebuilds the ballot form when another ballot (or status) is shown, or when forced after an edit, keeping the focus. */
    function renderBallot(force) {
        const ballot = currentBallot();
        const activity = currentActivity();
        const section = $("ballot");
        section.hidden = !ballot && !(activity && activity.kind === "Vote");
        // Once closed, the result comes first and the person's ballot folds away under it.
        section.classList.toggle("closed", !!ballot && ballot.status !== "Open");
        const ended = !!state.snapshot && state.snapshot.status === "Closed";
        const others = state.snapshot ? state.snapshot.ballots.filter((b) => b.status === (ended ? "Closed" : "Open") && (!ballot || b.id !== ballot.id)) : [];
        const key = (ballot ? `${ballot.id}:${ballot.status}` : "none") + "|" + others.map((b) => b.id).join(",");
        if (!force && key === state.shown) {
            renderBallotStatus();
            renderResults();
            return;
        }
        state.shown = key;
        const focused = document.activeElement && document.activeElement.id;
        const body = $("ballot-body");
        const switcher = others.length === 0 ? null : el("nav", { class: "other-ballots", "aria-label": ended ? t("OtherResults") : t("OtherBallots") },
            el("p", { class: "hint", text: ended ? t("OtherResults") : t("OtherBallots") }),
            ...others.map((b) => el("button", { type: "button", class: "phone-button other-ballot", "data-ballot": b.id,
                onclick: () => { state.chosen = b.id; renderBallot(true); } }, b.question)));
        if (!ballot) {
            body.replaceChildren(el("p", { text: t("NoBallot") }));
        } else if (ballot.status === "Open") {
            body.replaceChildren(ballotForm(ballot, state.drafts[ballot.id]));
        } else {
            // Said in words as well: the result above it, the folded ballot under it.
            body.replaceChildren(el("p", { class: "notice", text: t("BallotClosed") }), ballotForm(ballot, state.drafts[ballot.id]));
        }
        // The other questions come after the ballot's status ("recorded"), which belongs to the ballot above.
        $("ballot-others").replaceChildren(...(switcher ? [switcher] : []));
        if (focused && $(focused) && body.contains($(focused))) {
            $(focused).focus();
        }
        renderBallotStatus();
        renderResults();
    }

    function ballotForm(ballot, draft) {
        const open = ballot.status === "Open";
        const form = el("form", { id: "ballot-form", class: "phone-form ballot-form", novalidate: true, "data-ballot": ballot.id, "data-method": ballot.method });
        const fieldset = el("fieldset", { disabled: !open || state.sending },
            el("legend", { class: "question", text: ballot.question }),
            el("p", { class: "hint", id: "ballot-help", text: help(ballot) }));
        form.append(fieldset);
        const edit = (change) => {
            change();
            draft.dirty = true;
            draft.pendingId = null;
            state.ballotMessage = { kind: "dirty", ballotId: ballot.id };
            renderBallot(true);
        };

        switch (ballot.method) {
            case "plurality":
            case "approval":
                fieldset.append(choiceList(ballot, draft, edit));
                break;
            case "cumulative":
                fieldset.append(pointsList(ballot, draft, edit));
                break;
            case "score":
            case "majority-judgment":
                fieldset.append(...ballot.options.map((o) => gradeGroup(ballot, draft, o, edit)));
                break;
            default:
                fieldset.append(...rankLists(ballot, draft, edit).filter((part) => part !== null));
                break;
        }
        if (open) {
            fieldset.append(el("button", { type: "submit", id: "ballot-submit", class: "phone-button primary", disabled: state.offline },
                state.sending ? t("Sending") : ballot.myVote ? t("Change") : t("Submit")));
            form.addEventListener("submit", (e) => {
                e.preventDefault();
                cast(ballot);
            });
            return form;
        }
        return el("details", { class: "closed-ballot" }, el("summary", { text: ballot.myVote ? t("MyBallot") : t("TheBallot") }), form);
    }

    function help(ballot) {
        const s = ballot.settings;
        switch (ballot.method) {
            case "plurality": return t("Help.plurality");
            case "approval": return tn("Help.approval", s.maxChoices || ballot.options.length);
            case "cumulative": return tn("Help.cumulative", s.maxPoints, Math.min(s.maxPerOption || s.maxPoints, s.maxPoints));
            case "score": return t("Help.score", maxScore(ballot));
            case "majority-judgment": return t("Help.majority");
            default: return TIES.includes(ballot.method) ? `${t("Help.ranked")} ${t("Help.tiesAllowed")}` : t("Help.ranked");
        }
    }

    function choiceList(ballot, draft, edit) {
        const single = ballot.method === "plurality";
        const max = single ? 1 : ballot.settings.maxChoices || ballot.options.length;
        const chosen = Object.values(draft.values).filter((v) => v > 0).length;
        const list = el("div", { class: "choices" });
        for (const option of ballot.options) {
            const checked = (draft.values[option.token] || 0) > 0;
            const id = `opt-${ballot.id}-${option.token}`;
            const input = el("input", {
                type: single ? "radio" : "checkbox", id, name: `ballot-${ballot.id}`, value: option.token, checked,
                disabled: !single && !checked && chosen >= max,
                onchange: (e) => edit(() => {
                    if (single) {
                        draft.values = { [option.token]: 1 };
                    } else if (e.target.checked) {
                        draft.values[option.token] = 1;
                    } else {
                        delete draft.values[option.token];
                    }
                }),
            });
            list.append(el("label", { class: "choice", for: id }, input, el("span", { text: option.label })));
        }
        if (!single) {
            list.append(el("p", { class: "counter", "aria-live": "polite", text: tn("Chosen", chosen, max) }));
        }
        return list;
    }

    function pointsList(ballot, draft, edit) {
        const total = ballot.settings.maxPoints || 0;
        const perOption = Math.min(ballot.settings.maxPerOption || total, total);
        const used = Object.values(draft.values).reduce((a, v) => a + (v || 0), 0);
        const list = el("div", { class: "points" });
        const set = (token, value) => edit(() => {
            const others = used - (draft.values[token] || 0);
            const v = Math.max(0, Math.min(perOption, total - others, Number.isFinite(value) ? Math.trunc(value) : 0));
            if (v > 0) {
                draft.values[token] = v;
            } else {
                delete draft.values[token];
            }
        });
        for (const option of ballot.options) {
            const value = draft.values[option.token] || 0;
            const id = `pts-${ballot.id}-${option.token}`;
            list.append(el("div", { class: "points-row" },
                el("label", { for: id, class: "points-label", text: option.label }),
                el("div", { class: "stepper" },
                    el("button", { type: "button", class: "phone-button step", id: `${id}-minus`, "aria-label": t("RemovePoint", option.label),
                        disabled: value <= 0, onclick: () => set(option.token, value - 1) }, "−"),
                    el("input", { type: "number", id, inputmode: "numeric", min: 0, max: perOption, value,
                        onchange: (e) => set(option.token, parseInt(e.target.value, 10)) }),
                    el("button", { type: "button", class: "phone-button step", id: `${id}-plus`, "aria-label": t("AddPoint", option.label),
                        disabled: value >= perOption || used >= total, onclick: () => set(option.token, value + 1) }, "+"))));
        }
        list.append(el("p", { class: "counter", "aria-live": "polite", text: t("PointsLeft", total - used) }));
        return list;
    }

    function gradeGroup(ballot, draft, option, edit) {
        const max = maxScore(ballot);
        const words = ballot.method === "majority-judgment" && max === 5;
        const group = el("fieldset", { class: "grades" + (words ? " words" : "") }, el("legend", { text: option.label }));
        const row = el("div", { class: "grade-row" });
        for (let g = words ? max : 0; words ? g >= 0 : g <= max; g += words ? -1 : 1) {
            const id = `grade-${ballot.id}-${option.token}-${g}`;
            row.append(el("label", { class: "grade", for: id },
                el("input", { type: "radio", id, name: `grade-${ballot.id}-${option.token}`, value: g, checked: draft.values[option.token] === g,
                    onchange: () => edit(() => { draft.values[option.token] = g; }) }),
                el("span", { text: words ? t("Grade." + g) : String(g) })));
        }
        group.append(row);
        return group;
    }

    function rankLists(ballot, draft, edit) {
        const label = (token) => (ballot.options.find((o) => o.token === token) || { label: token }).label;
        const move = (i, d) => edit(() => {
            const r = draft.ranking;
            [r[i], r[i + d]] = [r[i + d], r[i]];
        });
        const ranked = el("ol", { class: "ranking", "aria-labelledby": `ranked-${ballot.id}` });
        const ties = TIES.includes(ballot.method);
        let place = 0;
        draft.ranking.forEach((token, i) => {
            const id = `rank-${ballot.id}-${token}`;
            const tiedHere = ties && i > 0 && draft.tied.includes(token);
            place = tiedHere ? place : i + 1;
            const tie = ties && i > 0
                ? el("button", { type: "button", class: "phone-button step tie", id: `${id}-tie`, "aria-pressed": String(tiedHere),
                    "aria-label": t("TieWith", label(token), label(draft.ranking[i - 1])),
                    onclick: () => edit(() => {
                        draft.tied = tiedHere ? draft.tied.filter((x) => x !== token) : [...draft.tied, token];
                    }) }, "=")
                : null;
            ranked.append(el("li", { class: tiedHere ? "rank-row tied" : "rank-row" },
                el("span", { class: "rank", "aria-hidden": "true", text: String(place) }),
                el("span", { class: "rank-label", text: label(token) }),
                el("span", { class: "rank-buttons" },
                    el("button", { type: "button", class: "phone-button step", id: `${id}-up`, "aria-label": t("MoveUp", label(token)),
                        disabled: i === 0, onclick: () => move(i, -1) }, "↑"),
                    el("button", { type: "button", class: "phone-button step", id: `${id}-down`, "aria-label": t("MoveDown", label(token)),
                        disabled: i === draft.ranking.length - 1, onclick: () => move(i, 1) }, "↓"),
                    tie,
                    el("button", { type: "button", class: "phone-button step", id: `${id}-remove`, "aria-label": t("RankRemove", label(token)),
                        onclick: () => edit(() => draft.ranking.splice(i, 1)) }, "✕"))));
        });
        const rest = ballot.options.filter((o) => !draft.ranking.includes(o.token));
        const unranked = el("ul", { class: "unranked", "aria-labelledby": `unranked-${ballot.id}` },
            ...rest.map((o) => el("li", { class: "rank-row" },
                el("span", { class: "rank-label", text: o.label }),
                el("button", { type: "button", class: "phone-button", id: `rank-${ballot.id}-${o.token}-add`, "aria-label": t("RankAdd", o.label),
                    onclick: () => edit(() => draft.ranking.push(o.token)) }, t("Add")))));
        return [
            el("h3", { id: `ranked-${ballot.id}`, text: t("Ranking") }),
            draft.ranking.length ? ranked : el("p", { class: "hint", text: t("RankingEmpty") }),
            rest.length ? el("h3", { id: `unranked-${ballot.id}`, text: t("Unranked") }) : null,
            rest.length ? unranked : null,
        ];
    }

    /** "Recorded" only for a vote the server holds: an acknowledged cast, or myVote in our own snapshot. */
    function renderBallotStatus() {
        const ballot = currentBallot();
        const status = $("ballot-status");
        status.className = "ballot-status";
        if (!ballot) {
            status.textContent = "";
            return;
        }
        const draft = state.drafts[ballot.id];
        const message = state.ballotMessage && state.ballotMessage.ballotId === ballot.id ? state.ballotMessage.kind : null;
        if (message === "sending") {
            status.textContent = t("Sending");
        } else if (draft && draft.dirty) {
            status.textContent = t("Unsaved");
            status.classList.add("pending");
        } else if (ballot.myVote) {
            status.textContent = ballot.status === "Open" ? `${t("Recorded")} ${t("RecordedChange")}` : t("Recorded");
            status.classList.add("ok");
            status.dataset.recorded = "true";
            return;
        } else {
            status.textContent = "";
        }
        delete status.dataset.recorded;
    }

    function renderResults() {
        const box = $("ballot-results");
        const ballot = currentBallot();
        const results = ballot && state.results[ballot.id];
        if (!results || !results.result) {
            box.replaceChildren();
            return;
        }
        const label = (token) => (ballot.options.find((o) => o.token === token) || { label: token }).label;
        const scores = results.result.scores || {};
        const kept = keptCount(ballot);
        const retained = retainedTokens(results.result, kept);
        const list = el("ol", { class: "results" });
        for (const group of results.result.ranking) {
            for (const token of group) {
                const score = scores[token];
                const winner = retained.includes(token);
                list.append(el("li", { class: winner ? "winner" : null },
                    el("span", { class: "rank-label" },
                        winner ? el("span", { class: "kept-mark", "aria-hidden": "true", text: "✓ " }) : null,
                        winner ? el("span", { class: "visually-hidden", text: t("Kept") + ", " }) : null,
                        label(token)),
                    score === undefined ? null : el("span", { class: "score", text: formatScore(score) })));
            }
        }
        const closed = ballot.status !== "Open";
        box.replaceChildren(...[
            el("h3", { text: closed ? t("Result") : t("Results") }),
            closed ? el("p", { class: "question", text: ballot.question }) : null,
            kept > 1 && retained.length > 0 ? el("p", { class: "kept-note", text: tn("KeptNote", kept) }) : null,
            list,
            el("p", { class: "hint", text: tn("CastCount", results.cast) }),
        ].filter((part) => part !== null));
    }

    /** How many options the result keeps: an approval "6 of 9" keeps six; any other ballot its winners (as on the wall). */
    function keptCount(ballot) {
        const k = ballot.settings.maxChoices;
        return ballot.method === "approval" && k > 1 && k < ballot.options.length ? k : 1;
    }

    function retainedTokens(result, kept) {
        if (!result.winners || result.winners.length === 0) {
            return [];
        }
        if (kept <= 1) {
            return result.winners;
        }
        const retained = [];
        for (const group of result.ranking) {
            if (retained.length >= kept) {
                break;
            }
            retained.push(...group.filter((token) => (result.scores[token] || 0) > 0));
        }
        return retained;
    }

    function formatScore(value) {
        return new Intl.NumberFormat(document.documentElement.lang || undefined, { maximumFractionDigits: 2 }).format(value);
    }

    // ---------- actions ----------

    async function cast(ballot) {
        if (state.sending) {
            return;
        }
        const draft = state.drafts[ballot.id];
        const content = contentOf(ballot, draft);
        // A resend of the same content (after a dropped connection) keeps its id: the server acknowledges it as Duplicate.
        if (!draft.pendingId) {
            draft.pendingId = newId();
            // Each change gets a higher version than any stored: a replayed older message cannot bring it back.
            draft.pendingVersion = Math.max(Date.now(), (state.versions[ballot.id] || 0) + 1);
        }
        state.sending = true;
        state.ballotMessage = { kind: "sending", ballotId: ballot.id };
        clearError();
        renderBallot(true);
        try {
            const ack = await connection.invoke("Cast", { ballotId: ballot.id, content, clientMessageId: draft.pendingId, version: draft.pendingVersion });
            const outcome = ack && ack.outcome;
            if (outcome === 0 || outcome === 1 || outcome === "Stored" || outcome === "Duplicate") {
                state.acked[ballot.id] = content;
                state.versions[ballot.id] = Math.max(state.versions[ballot.id] || 0, draft.pendingVersion);
                for (const b of [ballot, ...(state.snapshot ? state.snapshot.ballots : [])]) {
                    if (b.id === ballot.id) {
                        b.myVote = content;
                    }
                }
                draft.dirty = false;
                draft.pendingId = null;
                state.ballotMessage = null;
            } else {
                state.ballotMessage = { kind: "dirty", ballotId: ballot.id };
                showError(null);
            }
        } catch (error) {
            if (isHubRefusal(error)) {
                draft.pendingId = null;
            }
            state.ballotMessage = { kind: "dirty", ballotId: ballot.id };
            draft.dirty = true;
            showError(error);
        } finally {
            state.sending = false;
            renderBallot(true);
        }
        if (!draft.dirty) {
            $("ballot-status").focus();
        }
    }

    let ideaPendingId = null;
    $("idea-form").addEventListener("submit", async (e) => {
        e.preventDefault();
        const box = $("idea-text");
        const text = box.value.trim();
        const button = $("idea-submit");
        if (button.disabled) {
            return;
        }
        if (!text) {
            ideaError(t("IdeaEmpty"), "empty");
            box.focus();
            return;
        }
        if (text.length > IDEA_MAX) {
            updateIdeaCount();
            box.focus();
            return;
        }
        ideaError("");
        ideaPendingId = ideaPendingId || newId();
        button.disabled = true;
        clearError();
        $("idea-status").textContent = "";
        try {
            const idea = await connection.invoke("SubmitIdea", { text, clientMessageId: ideaPendingId });
            ideaPendingId = null;
            box.value = "";
            $("idea-status").textContent = t("IdeaSent");
            if (state.snapshot && !state.snapshot.ideas.some((i) => i.id === idea.id)) {
                state.snapshot.ideas.push(idea);
            }
            renderIdeas();
        } catch (error) {
            if (isHubRefusal(error)) {
                ideaPendingId = null;
            }
            showError(error);
        } finally {
            button.disabled = state.offline;
        }
    });
    $("idea-text").addEventListener("input", () => {
        ideaPendingId = null;
        if ($("idea-error").dataset.kind === "empty") {
            ideaError("");
        }
        updateIdeaCount();
    });

    let testimonyPendingId = null;
    $("testimony-form").addEventListener("submit", async (e) => {
        e.preventDefault();
        const box = $("testimony-text");
        const text = box.value.trim();
        const theme = $("testimony-theme").value;
        const button = $("testimony-submit");
        if (!text || button.disabled) {
            return;
        }
        testimonyPendingId = testimonyPendingId || newId();
        button.disabled = true;
        clearError();
        $("testimony-status").textContent = "";
        try {
            const signedName = $("testimony-name").value.trim() || null;
            await connection.invoke("SubmitTestimony", { theme, text, signedName, clientMessageId: testimonyPendingId });
            testimonyPendingId = null;
            box.value = "";
            myTestimonies.push({ theme, text });
            $("testimony-status").textContent = t("TestimonySent");
            renderTestimony();
        } catch (error) {
            if (isHubRefusal(error)) {
                testimonyPendingId = null;
            }
            showError(error);
        } finally {
            button.disabled = false;
        }
    });
    for (const id of ["testimony-text", "testimony-theme", "testimony-name"]) {
        $(id).addEventListener("input", () => { testimonyPendingId = null; });
    }

    $("join-form").addEventListener("submit", async (e) => {
        e.preventDefault();
        const button = $("join-submit");
        const group = $("join-group");
        const request = { code, displayName: $("join-name").value.trim() || null, group: group && group.value ? group.value : null };
        button.disabled = true;
        if (connection.state !== signalR.HubConnectionState.Connected) {
            state.pendingJoin = request;
            setStatus(t("Connecting"));
            return;
        }
        await join(request);
        button.disabled = false;
    });

    // The browser knows before SignalR does that the Wi-Fi dropped.
    window.addEventListener("offline", () => {
        setStatus(t("Offline"));
        markStale(true);
    });
    window.addEventListener("online", () => {
        if (connection.state === signalR.HubConnectionState.Connected) {
            markStale(false);
        } else {
            setStatus(t("Reconnecting"));
        }
    });

    $("ballot-status").tabIndex = -1;
    if (state.token) {
        $("join").hidden = true;
    }
    updateIdeaCount();
    start();
})();
