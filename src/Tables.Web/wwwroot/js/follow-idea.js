// "Follow my idea" on the phone page (/j/{code}, issue #15): the participant's own ideas (announced by forum-phone.js
// with the participant's token, the proof they are ours), an e-mail address with consent, POST /api/follow. The
// address is sent once and never shown back: the field is emptied as soon as the server took it.
(() => {
    "use strict";

    const $ = (id) => document.getElementById(id);
    const form = $("follow-form");
    if (!form) {
        return;
    }
    const text = JSON.parse($("phone-text").textContent);
    let mine = { code: null, token: null, ideas: [] };

    document.addEventListener("phone:my-ideas", (event) => {
        mine = event.detail;
        const select = $("follow-idea");
        const chosen = select.value;
        select.replaceChildren(...mine.ideas.map((idea) => {
            const option = document.createElement("option");
            option.value = String(idea.id);
            option.textContent = idea.text;
            return option;
        }));
        if (mine.ideas.some((idea) => String(idea.id) === chosen)) {
            select.value = chosen;
        }
        form.hidden = mine.ideas.length === 0 || !mine.token;
    });

    form.addEventListener("submit", async (event) => {
        event.preventDefault();
        const button = $("follow-submit");
        const email = $("follow-email");
        const consent = $("follow-consent");
        $("follow-status").textContent = "";
        $("follow-error").textContent = "";
        button.disabled = true;
        try {
            const response = await fetch("/api/follow", {
                method: "POST",
                headers: { "Content-Type": "application/json" },
                body: JSON.stringify({
                    code: mine.code, participantToken: mine.token, ideaId: Number($("follow-idea").value) || 0,
                    email: email.value, consent: consent.checked,
                }),
            });
            if (response.ok) {
                email.value = "";
                consent.checked = false;
                $("follow-status").textContent = text.FollowDone;
            } else {
                $("follow-error").textContent = await problemText(response);
            }
        } catch {
            $("follow-error").textContent = text.FollowFailed;
        } finally {
            button.disabled = false;
        }
    });

    /** The server's localized validation messages (a problem's "errors"), else the generic message. */
    async function problemText(response) {
        try {
            const problem = await response.json();
            const messages = Object.values(problem.errors || {}).flat();
            if (messages.length > 0) {
                return messages.join(" ");
            }
        } catch {
            // Not JSON (a refusal by the rate limiter): the generic message.
        }
        return text.FollowFailed;
    }
})();
