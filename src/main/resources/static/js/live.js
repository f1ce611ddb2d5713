// statwall live cards: STOMP rows into the server-rendered cards, nothing re-rendered.
// Every value from the server is set with textContent, never as HTML.
(() => {
	'use strict';

	const status = document.getElementById('live-status');
	const cards = new Map();
	const PALETTE = ['--s1', '--s2', '--s3', '--s4', '--s5', '--s6', '--s7', '--s8'];

	function setStatus(state, text) {
		if (!status) return;
		status.dataset.state = state;
		status.querySelector('.label').textContent = text;
		status.title = text;
	}

	function rgba(color, alpha) {
		const hex = color.trim().replace('#', '');
		if (!/^[0-9a-fA-F]{6}$/.test(hex)) return color;
		const n = parseInt(hex, 16);
		return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
	}

	function clock(ms) {
		return new Date(ms).toLocaleTimeString([], { hour12: false });
	}

	// A history card's points as rows: the averages, with the value text the server made
	function historyRows(h) {
		return h.time.map((t, i) => {
			const values = [];
			for (const s of h.series) values[s.column] = s.avg[i];
			return { seq: i + 1, time: t, values, text: '' };
		});
	}

	// The time of a point: the clock for samples, the date too for buckets of an hour or more
	function when(ms, step) {
		const d = new Date(ms);
		return step >= 3600000 ? d.toLocaleString([], { hour12: false, month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })
			: step >= 60000 ? d.toLocaleString([], { hour12: false, weekday: 'short', hour: '2-digit', minute: '2-digit' })
				: clock(ms);
	}

	// An axis label: the time of day for a day or less, the day and month beyond
	function tick(ms, span) {
		const d = new Date(ms);
		return span <= 1800000 ? d.toLocaleTimeString([], { hour12: false, hour: '2-digit', minute: '2-digit', second: '2-digit' })
			: span <= 86400000 ? d.toLocaleTimeString([], { hour12: false, hour: '2-digit', minute: '2-digit' })
				: d.toLocaleDateString([], { month: 'short', day: 'numeric' });
	}

	// Shows another range: htmx swaps in the view the server renders for that URL, and the URL stays
	function showRange(query) {
		const url = location.pathname + (query ? '?' + query : '');
		if (!window.htmx || !document.getElementById('view')) { location.href = url; return; }
		window.htmx.ajax('GET', url, { target: '#view', swap: 'outerHTML' }).then(() => history.pushState({ statwallRange: true }, '', url));
	}

	function zoom(fromMs, toMs) {
		if (!(toMs > fromMs)) return;
		showRange(`from=${new Date(Math.floor(fromMs)).toISOString()}&to=${new Date(Math.ceil(toMs)).toISOString()}`);
	}

	// Follows one card: subscribes to its topic, asks once (on /app) for what it missed, applies that,
	// then whatever the topic delivered meanwhile. A card that sees a gap calls again().
	class Follower {
		constructor(card) { this.card = card; }

		start(client) {
			this.client = client;
			this.pending = [];
			this.caughtUp = false;
			this.subscription = client.subscribe(this.card.topic(), (frame) => {
				const message = JSON.parse(frame.body);
				if (this.caughtUp) this.card.apply(message, this); else this.pending.push(message);
			});
			this.catchUp();
		}

		catchUp() {
			this.caughtUp = false;
			const once = this.client.subscribe(this.card.snapshot(), (frame) => {
				once.unsubscribe();
				const message = JSON.parse(frame.body);
				if (message.error) { console.warn('statwall:', message.error); return; }
				this.caughtUp = true;
				this.card.apply(message, this);
				this.pending.splice(0).forEach((m) => this.card.apply(m, this));
			}, this.card.snapshotHeaders());
		}

		again() {
			if (this.caughtUp) { this.pending = []; this.catchUp(); }
		}

		stop() {
			if (this.subscription && this.client && this.client.connected) this.subscription.unsubscribe();
		}
	}

	class LiveCard {
		constructor(el) {
			this.el = el;
			this.id = el.dataset.card;
			this.node = el.dataset.node;
			this.capacity = Number(el.dataset.capacity);
			const initial = JSON.parse(el.dataset.rows);
			// a range of history: drawn once, with the min-max band, and not followed
			this.history = initial.history ? initial : null;
			this.epoch = initial.epoch;
			this.rows = this.history ? historyRows(initial) : initial.rows;
			this.lastSeq = this.rows.length ? this.rows[this.rows.length - 1].seq : 0;
			this.plotSpec = el.dataset.plot ? JSON.parse(el.dataset.plot) : null;
			this.valueEl = el.querySelector('.card-value');
			this.auxEl = el.querySelector('.card-aux');
			this.captionEl = el.querySelector('.card-caption');
			this.gaugeEl = el.querySelector('.gauge .fill');
			this.barEl = el.querySelector('.bar-fill');
			this.plotEl = el.querySelector('.plot');
			if (this.plotEl && this.plotSpec && window.uPlot) this.drawPlot();
			this.showState(initial);
		}

		topic() { return `/topic/cards/${this.node}/${this.id}`; }

		snapshot() { return `/app/cards/${this.node}/${this.id}`; }

		// rows after the last one held; the whole buffer if the epoch is not the server's
		snapshotHeaders() { return { epoch: String(this.epoch), after: String(this.lastSeq) }; }

		apply(message, follower) {
			if (message.epoch !== this.epoch) {
				// the server restarted: its sequence numbers start again, our points stay
				this.epoch = message.epoch;
				this.lastSeq = 0;
			}
			for (const row of message.rows) {
				if (row.seq <= this.lastSeq) continue;
				if (this.lastSeq !== 0 && row.seq !== this.lastSeq + 1) {
					follower.again();
					return;
				}
				this.rows.push(row);
				this.lastSeq = row.seq;
			}
			if (this.rows.length > this.capacity) this.rows.splice(0, this.rows.length - this.capacity);
			this.showState(message);
		}

		showState(message) {
			const last = this.rows[this.rows.length - 1];
			if (this.valueEl) this.valueEl.textContent = this.history ? this.history.value : (last ? last.text : 'n/a');
			if (this.auxEl && message.aux != null) this.auxEl.textContent = message.aux;
			if (this.captionEl && message.caption != null) this.captionEl.textContent = message.caption;
			const fill = message.progress == null ? 0 : message.progress * 100;
			if (this.gaugeEl) this.gaugeEl.setAttribute('stroke-dasharray', `${fill.toFixed(2)} 100`);
			if (this.barEl) this.barEl.style.width = `${fill.toFixed(1)}%`;
			this.el.dataset.seq = String(this.lastSeq);
			this.el.dataset.points = String(this.rows.length);
			if (this.plot) this.plot.setData(this.data());
		}

		data() {
			const data = [this.rows.map((r) => r.time / 1000)];
			for (const s of this.plotSpec.series) data.push(this.rows.map((r) => r.values[s.column]));
			if (this.history) {
				// each banded series' max and min, after the averages
				for (const s of this.banded()) {
					const h = this.history.series.find((x) => x.column === s.column);
					data.push(h ? h.max : []);
					data.push(h ? h.min : []);
				}
			}
			return data;
		}

		// series that get a min-max band: a few, or the band of many would hide the lines
		banded() {
			return this.history && this.plotSpec.series.length <= 4 ? this.plotSpec.series : [];
		}

		drawPlot() {
			const style = getComputedStyle(this.el);
			const spec = this.plotSpec;
			const many = spec.series.length > 1;
			const paths = spec.type === 'interval' ? uPlot.paths.bars({ size: [0.7, 64] })
				: spec.curve === 'smooth' ? uPlot.paths.spline()
					: spec.curve === 'step' ? uPlot.paths.stepped({ align: 1 }) : uPlot.paths.linear();
			const series = [{}];
			spec.series.forEach((s, i) => {
				const color = (i === 0 ? style.getPropertyValue('--plot') : style.getPropertyValue(PALETTE[(i - 1) % PALETTE.length])).trim() || '#2d7dd2';
				series.push({
					label: s.label, stroke: color, width: many ? 1.5 : 2, spanGaps: false, paths, points: { show: false },
					fill: spec.type === 'interval' ? rgba(color, 0.6) : (many ? undefined : rgba(color, 0.2)),
				});
			});
			const bands = [];
			this.banded().forEach((s, i) => {
				const line = series[i + 1];
				const max = series.length;
				series.push({ label: `${s.label} max`, stroke: 'transparent', width: 0, points: { show: false }, spanGaps: false });
				series.push({ label: `${s.label} min`, stroke: 'transparent', width: 0, points: { show: false }, spanGaps: false });
				bands.push({ series: [max, max + 1], fill: rgba(line.stroke, many ? 0.12 : 0.25) });
				if (!many) line.fill = undefined; // the band shows the spread instead of a fill to zero
			});
			const tip = document.createElement('div');
			tip.className = 'tip';
			tip.hidden = true;
			const box = this.plotEl.getBoundingClientRect();
			const history = this.history;
			this.plot = new uPlot({
				width: Math.max(10, Math.floor(box.width)),
				height: Math.max(10, Math.floor(box.height)),
				legend: { show: false },
				// drag across the chart to zoom into that span of history
				select: { show: true },
				padding: [6, 0, many ? 16 : 0, 0], // room for the legend below the lines
				cursor: { y: false, drag: { x: true, y: false, setScale: false }, points: { size: 6 } },
				axes: [history ? { show: true, size: 18, gap: 2, ticks: { show: false }, font: '10px system-ui, sans-serif',
					stroke: style.getPropertyValue('--muted').trim() || '#888', grid: { show: false },
					values: (u, splits) => splits.map((v) => tick(v * 1000, history.to - history.from)) } : { show: false }, { show: false }],
				// history spans the whole range asked for, also where there is nothing yet
				scales: { x: history ? { time: true, range: () => [history.from / 1000, history.to / 1000] } : { time: true },
					y: { range: (u, min, max) => [0, max > 0 ? max * 1.1 : 1] } },
				series,
				bands,
				hooks: {
					setCursor: [(u) => {
						const row = u.cursor.idx == null ? null : this.rows[u.cursor.idx];
						tip.hidden = !row;
						if (!row) return;
						// the server formats every value: a history point's tip, or a live row's text
						const at = history ? when(row.time, history.step) : clock(row.time);
						tip.textContent = history ? `${at}  ${history.tips[u.cursor.idx] ?? ''}`
							: many ? `${at}  ${row.text}` : `${row.text} at ${at}`;
					}],
					setSelect: [(u) => {
						if (u.select.width < 4) return;
						const from = u.posToVal(u.select.left, 'x');
						const to = u.posToVal(u.select.left + u.select.width, 'x');
						u.setSelect({ left: 0, width: 0 }, false);
						zoom(from * 1000, to * 1000);
					}],
				},
			}, this.data(), this.plotEl);
			// a double-click anywhere on a chart goes back to live
			this.plotEl.addEventListener('dblclick', () => showRange(''));
			this.plotEl.appendChild(tip);
			this.plotEl.classList.add('live');
			new ResizeObserver(() => {
				const size = this.plotEl.getBoundingClientRect();
				this.plot.setSize({ width: Math.max(10, Math.floor(size.width)), height: Math.max(10, Math.floor(size.height)) });
			}).observe(this.plotEl);
		}
	}

	// A table card: rows are updated in place by key and kept in the order of the sorted column.
	class LiveTableCard {
		constructor(el) {
			this.el = el;
			this.id = el.dataset.card;
			this.node = el.dataset.node;
			this.seq = JSON.parse(el.dataset.rows).seq || 0;
		}

		topic() { return `/topic/tables/${this.node}/${this.id}`; }

		snapshot() { return `/app/tables/${this.node}/${this.id}`; }

		snapshotHeaders() { return {}; }

		apply(message, follower) {
			if (!message.reset) {
				if (message.seq <= this.seq) return;
				if (message.seq !== this.seq + 1) { follower.again(); return; }
			}
			const wrap = this.el.querySelector('.table-wrap');
			const body = wrap.querySelector('tbody');
			const present = new Map([...body.rows].map((tr) => [tr.dataset.key, tr]));
			if (message.reset) {
				const keep = new Set(message.put.map((r) => r.key));
				present.forEach((tr, key) => { if (!keep.has(key)) { tr.remove(); present.delete(key); } });
			}
			for (const key of message.deleted) {
				const tr = present.get(key);
				if (tr) { tr.remove(); present.delete(key); }
			}
			const columns = [...wrap.querySelectorAll('thead th')];
			for (const row of message.put) {
				let tr = present.get(row.key);
				if (!tr) {
					tr = this.newRow(row.key, columns);
					body.appendChild(tr);
					present.set(row.key, tr);
				}
				row.cells.forEach((text, i) => {
					const td = tr.cells[i];
					td.dataset.value = row.values[i];
					td.querySelector('.cell-text').textContent = text;
					const gauge = td.querySelector('.cell-gauge-fill');
					if (gauge) gauge.style.width = `${Math.max(0, Math.min(100, Number(row.values[i]) || 0)).toFixed(1)}%`;
				});
			}
			this.seq = message.seq;
			wrap.dataset.seq = String(this.seq);
			this.sort(wrap, columns);
			const empty = wrap.querySelector('.empty');
			if (empty) empty.hidden = body.rows.length > 0;
		}

		newRow(key, columns) {
			const tr = document.createElement('tr');
			tr.dataset.key = key;
			for (const th of columns) {
				const td = document.createElement('td');
				if (th.classList.contains('num')) td.classList.add('num');
				if (th.dataset.gauge !== undefined) {
					const gauge = document.createElement('span');
					gauge.className = 'cell-gauge';
					const fill = document.createElement('span');
					fill.className = 'cell-gauge-fill';
					gauge.appendChild(fill);
					td.appendChild(gauge);
				}
				const text = document.createElement('span');
				text.className = 'cell-text';
				td.appendChild(text);
				tr.appendChild(td);
			}
			return tr;
		}

		sort(wrap, columns) {
			const index = columns.findIndex((th) => th.dataset.column === wrap.dataset.sort);
			if (index < 0) return;
			const numeric = columns[index].classList.contains('num');
			const sign = wrap.dataset.dir === 'desc' ? -1 : 1;
			const body = wrap.querySelector('tbody');
			const rows = [...body.rows];
			const key = (tr) => numeric ? Number(tr.cells[index].dataset.value) : tr.cells[index].textContent.trim().toLowerCase();
			rows.sort((a, b) => { const x = key(a), y = key(b); return x < y ? -sign : x > y ? sign : 0; });
			// appendChild moves rows that are out of place; rows already in order are not touched
			rows.forEach((tr, i) => { if (body.rows[i] !== tr) body.insertBefore(tr, body.rows[i] || null); });
		}
	}

	// One STOMP connection per page; other scripts (the hub's overview) subscribe through onConnect.
	const hooks = [];
	const followers = new Map();
	let client = null;

	const key = (el) => `${el.dataset.node}/${el.dataset.card}`;

	// Finds the cards under root: live ones are followed, history ones drawn once, tables followed.
	function scan(root) {
		root.querySelectorAll('[data-card][data-kind="rows"], [data-card][data-kind="history"]').forEach((el) => cards.set(key(el), new LiveCard(el)));
		root.querySelectorAll('[data-card][data-kind="table"]').forEach((el) => cards.set(key(el), new LiveTableCard(el)));
		if (client && client.connected) cards.forEach((card, k) => { if (!followers.has(k)) follow(k, card); });
	}

	function follow(k, card) {
		if (card.history) return;
		const follower = new Follower(card);
		followers.set(k, follower);
		follower.start(client);
	}

	// Before htmx swaps in another range: the cards that go stop being followed and drawn.
	function drop(root) {
		cards.forEach((card, k) => {
			if (!root.contains(card.el)) return;
			const follower = followers.get(k);
			if (follower) follower.stop();
			followers.delete(k);
			if (card.plot) card.plot.destroy();
			cards.delete(k);
		});
	}

	function start() {
		scan(document);
		document.body.addEventListener('htmx:beforeSwap', (event) => {
			if (event.detail.target && event.detail.target.id === 'view') drop(event.detail.target);
		});
		document.body.addEventListener('htmx:afterSettle', (event) => {
			const view = document.getElementById('view');
			if (view && event.detail.target && (event.detail.target === view || event.detail.target.id === 'view')) scan(view);
		});
		// back and forward between ranges: show the view of that URL
		window.addEventListener('popstate', (event) => {
			if (event.state && event.state.statwallRange && window.htmx && document.getElementById('view')) {
				window.htmx.ajax('GET', location.pathname + location.search, { target: '#view', swap: 'outerHTML' });
			}
		});
		window.statwall = {
			cards,
			onConnect(hook) {
				hooks.push(hook);
				if (client && client.connected) hook(client);
			},
		};
		if (!window.StompJs) return;
		const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
		client = new StompJs.Client({
			brokerURL: `${scheme}://${location.host}/ws`,
			reconnectDelay: 1000,
			heartbeatIncoming: 10000,
			heartbeatOutgoing: 10000,
		});
		client.onConnect = () => {
			setStatus('live', 'live');
			followers.clear();
			cards.forEach((card, k) => follow(k, card));
			hooks.forEach((hook) => hook(client));
		};
		client.onWebSocketClose = () => setStatus('reconnecting', 'reconnecting…');
		client.onStompError = (frame) => console.warn('statwall: STOMP error', frame.headers.message);
		setStatus('reconnecting', 'connecting…');
		client.activate();
		window.statwall.client = client;
	}

	if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
