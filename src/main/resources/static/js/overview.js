// statwall cluster overview: one STOMP message a second with the summary and the tiles of the page
// this browser shows (its query goes with the subscription), applied to the tiles in place. Every
// value is set with textContent or a numeric style property, never as HTML.
(() => {
	'use strict';

	// refusals of htmx requests (forgetting a node) are shown, not swallowed
	document.addEventListener('htmx:responseError', (event) => {
		const notice = document.getElementById('notice');
		if (notice) notice.textContent = event.detail.xhr.responseText || `request failed (${event.detail.xhr.status})`;
	});
	document.addEventListener('htmx:beforeRequest', () => {
		const notice = document.getElementById('notice');
		if (notice) notice.textContent = '';
	});

	const root = document.querySelector('[data-overview]');
	if (!root) return;
	let refreshing = false;
	let client = null;
	let subscription = null;
	let subscribedQuery = null;
	let lastRefresh = 0;

	// every text arrives formatted by the server (Formats), so a unit reads the same on the page and here
	const BARS = ['cpu', 'memory', 'disk', 'rx', 'tx'];

	// Only what changed is written: every write invalidates the tile's style, and most values of most
	// tiles are the same as a second ago.
	function setText(el, text) { if (el && el.textContent !== text) el.textContent = text; }
	function setData(el, key, value) { if (el.dataset[key] !== value) el.dataset[key] = value; }
	function setProperty(el, name, value) { if (el.style.getPropertyValue(name) !== value) el.style.setProperty(name, value); }

	function applyTile(tile, node) {
		const [state, seen, alert, cpuText, foot] = node;
		setData(tile, 'status', state);
		if (alert) setData(tile, 'alert', alert); else if ('alert' in tile.dataset) delete tile.dataset.alert;
		setData(tile, 'seen', String(seen));
		setProperty(tile, '--cpu', String(node[5]));
		setText(tile.querySelector('.cpu'), cpuText);
		tile.querySelectorAll('.bar').forEach((bar) => {
			const i = BARS.indexOf(bar.dataset.metric);
			if (i < 0) return;
			setProperty(bar, '--v', String(node[5 + 2 * i]));
			if (bar.title !== node[6 + 2 * i]) bar.title = node[6 + 2 * i];
		});
		setText(tile.querySelector('.foot'), foot);
	}

	function applySummary(summary) {
		const set = (key, text) => { const el = root.querySelector(`[data-summary="${key}"]`); if (el) el.textContent = text; };
		set('online', String(summary.online));
		set('stale', String(summary.stale));
		set('offline', String(summary.offline));
		for (const key of ['cpuAvg', 'cpuMax', 'memoryUsed', 'netRx', 'netTx']) set(key, summary[key]);
	}

	// The message holds the tiles the page should show now; the page is fetched again only when that
	// set differs from the tiles shown: a node appeared, was forgotten, changed status under a status
	// filter, or (sorted by a value, over several pages) moved to another page. Order is left alone,
	// so tiles are not re-sorted under the reader's eyes.
	function checkMembers(message, section) {
		const tiles = section.querySelectorAll('.tile');
		const names = Object.keys(message.nodes);
		if (tiles.length === names.length && [...tiles].every((tile) => message.nodes[tile.dataset.node])) return;
		refresh(section);
	}

	function refresh(section) {
		if (refreshing || !window.htmx || Date.now() - lastRefresh < 2000) return false;
		refreshing = true;
		lastRefresh = Date.now();
		const params = new URLSearchParams({ q: section.dataset.q || '', status: section.dataset.status || 'all',
			sort: section.dataset.sort || 'name', page: section.dataset.page || '1', size: section.dataset.size || '288' });
		htmx.ajax('GET', `${location.pathname}?${params}`, { target: '#tiles', swap: 'outerHTML' })
			.finally(() => { refreshing = false; });
		return true;
	}

	function query(section) {
		return new URLSearchParams({ q: section.dataset.q || '', status: section.dataset.status || 'all',
			sort: section.dataset.sort || 'name', page: section.dataset.page || '1', size: section.dataset.size || '288' }).toString();
	}

	function apply(frame) {
		if (!subscription || frame.headers.view !== subscription.id) return; // made for the page shown before
		const message = JSON.parse(frame.body);
		const notice = document.getElementById('notice');
		if (message.error) { if (notice) notice.textContent = message.error; return; }
		applySummary(message.summary);
		const section = document.getElementById('tiles');
		if (!section) return;
		section.querySelectorAll('.tile').forEach((tile) => {
			const node = message.nodes[tile.dataset.node];
			if (node) applyTile(tile, node);
		});
		checkMembers(message, section);
		root.dataset.updated = String(message.time);
	}

	// one subscription for the page shown; a new page (filter, sort, pager) subscribes again with its query
	function subscribe() {
		const section = document.getElementById('tiles');
		if (!client || !client.connected || !section) return;
		const wanted = query(section);
		if (subscription && wanted === subscribedQuery) return;
		if (subscription) { try { subscription.unsubscribe(); } catch (e) { /* the connection went */ } }
		subscribedQuery = wanted;
		subscription = client.subscribe('/user/queue/overview', apply, { query: wanted });
	}

	// live.js owns the page's one STOMP connection and its status dot; the overview only subscribes.
	function start() {
		if (!window.statwall || !window.statwall.onConnect) return;
		window.statwall.onConnect((connected) => {
			client = connected;
			subscription = null; // a new connection holds no subscription
			subscribe();
		});
		document.body.addEventListener('htmx:afterSettle', subscribe);
	}

	if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
