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
	const NETWORK_FULL_SCALE = Math.log10(1 + 1.25e9);
	const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
	const BIT_UNITS = ['bit/s', 'kbit/s', 'Mbit/s', 'Gbit/s', 'Tbit/s'];
	let refreshing = false;
	let client = null;
	let subscription = null;
	let subscribedQuery = null;
	let lastRefresh = 0;


	// the same formats as the server's Formats class
	function decimals(scaled) { return scaled.toFixed(scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2); }
	function percent(v) { return v == null ? 'n/a' : `${v.toFixed(1)}%`; }
	function bytes(v) {
		let scaled = Math.abs(v); let unit = 0;
		while (scaled >= 1024 && unit < BYTE_UNITS.length - 1) { scaled /= 1024; unit++; }
		return `${v < 0 ? '-' : ''}${unit === 0 ? scaled.toFixed(0) : decimals(scaled)} ${BYTE_UNITS[unit]}`;
	}
	function bits(v) {
		if (v == null) return 'n/a';
		let scaled = Math.abs(v * 8); let unit = 0;
		while (scaled >= 1000 && unit < BIT_UNITS.length - 1) { scaled /= 1000; unit++; }
		return `${unit === 0 ? scaled.toFixed(0) : decimals(scaled)} ${BIT_UNITS[unit]}`;
	}
	function ago(ms) {
		const s = Math.max(0, Math.floor(ms / 1000));
		if (s < 60) return `${s} s`;
		if (s < 3600) return `${Math.floor(s / 60)} min`;
		if (s < 172800) return `${Math.floor(s / 3600)} h`;
		const d = Math.floor(s / 86400);
		return `${d} ${d === 1 ? 'day' : 'days'}`;
	}
	function clamp(v) { return v == null ? 0 : Math.max(0, Math.min(100, v)); }
	function network(v) { return v == null || v <= 0 ? 0 : Math.min(100, 100 * Math.log10(1 + v) / NETWORK_FULL_SCALE); }

	const LABELS = { cpu: 'CPU', memory: 'memory', disk: 'fullest disk', rx: 'network in', tx: 'network out' };

	function applyTile(tile, node, now) {
		const [state, seen, cpu, memory, rx, tx, disk, alert] = node;
		tile.dataset.status = state;
		if (alert) tile.dataset.alert = alert; else delete tile.dataset.alert;
		tile.dataset.seen = String(seen);
		tile.style.setProperty('--cpu', String(Math.round(clamp(cpu))));
		tile.querySelector('.cpu').textContent = percent(cpu);
		const values = { cpu: [clamp(cpu), percent(cpu)], memory: [clamp(memory), percent(memory)],
			disk: [clamp(disk), percent(disk)], rx: [network(rx), bits(rx)], tx: [network(tx), bits(tx)] };
		tile.querySelectorAll('.bar').forEach((bar) => {
			const [width, text] = values[bar.dataset.metric];
			bar.style.setProperty('--v', String(Math.round(width)));
			bar.title = `${LABELS[bar.dataset.metric]} ${text}`;
		});
		const foot = tile.querySelector('.foot');
		if (seen === 0) foot.textContent = 'never seen';
		else if (state !== 'online') foot.textContent = `last seen ${ago(now - seen)} ago`;
		else foot.textContent = rx == null && tx == null ? '' : `↓${bits(rx)} ↑${bits(tx)}`;
	}

	function applySummary(summary) {
		const set = (key, text) => { const el = root.querySelector(`[data-summary="${key}"]`); if (el) el.textContent = text; };
		set('online', String(summary.online));
		set('stale', String(summary.stale));
		set('offline', String(summary.offline));
		set('cpuAvg', percent(summary.cpuAvg));
		set('cpuMax', percent(summary.cpuMax));
		set('memoryUsed', bytes(summary.memoryUsed || 0));
		set('netRx', `↓ ${bits(summary.netRx || 0)}`);
		set('netTx', `↑ ${bits(summary.netTx || 0)}`);
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
			if (node) applyTile(tile, node, message.time);
			tile.dataset.updated = String(message.time);
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
