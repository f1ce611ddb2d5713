// statwall alerts: the header's badge on every page, and the alert lists on /alerts and node pages,
// kept live over /topic/alerts. Counts are set with textContent; lists are asked again from the
// server (htmx), which renders and escapes every text. Nothing from a message becomes HTML.
(() => {
	'use strict';

	function setCounts(counts) {
		const badge = document.getElementById('alert-badge');
		if (!badge || !counts) return;
		for (const severity of ['critical', 'warning']) {
			const value = String(counts[severity] || 0);
			badge.dataset[severity] = value;
			const count = badge.querySelector(`.count[data-severity="${severity}"]`);
			if (count) count.textContent = value;
		}
	}

	// asks the server again for the lists this page shows
	function refreshLists() {
		if (!window.htmx) return;
		for (const id of ['alert-board', 'node-alerts']) {
			const el = document.getElementById(id);
			if (el && el.dataset.src) window.htmx.ajax('GET', el.dataset.src, { target: `#${id}`, swap: 'outerHTML' });
		}
	}

	// after a (re)connect: what changed while the page was not listening
	function catchUp() {
		fetch('/api/v1/alerts?limit=0', { headers: { Accept: 'application/json' } })
			.then((response) => (response.ok ? response.json() : null))
			.then((body) => { if (body) setCounts(body.counts); })
			.catch(() => {});
		refreshLists();
	}

	// refusals of the silence buttons are shown, not swallowed
	document.addEventListener('htmx:responseError', (event) => {
		const notice = document.getElementById('notice');
		if (notice && document.getElementById('alert-board')) {
			notice.textContent = event.detail.xhr.responseText || `request failed (${event.detail.xhr.status})`;
		}
	});

	function start() {
		if (!window.statwall || !window.statwall.onConnect) return;
		let connected = false;
		window.statwall.onConnect((client) => {
			client.subscribe('/topic/alerts', (frame) => {
				const message = JSON.parse(frame.body);
				setCounts(message.counts);
				refreshLists();
			});
			if (connected) catchUp();
			connected = true;
		});
	}

	if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
