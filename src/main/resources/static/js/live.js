// statwall live cards: STOMP rows into the server-rendered cards, nothing re-rendered.
// Every value from the server is set with textContent, never as HTML.
(() => {
	'use strict';

	const status = document.getElementById('live-status');
	const cards = new Map();

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

	class LiveCard {
		constructor(el) {
			this.el = el;
			this.id = el.dataset.card;
			this.node = el.dataset.node;
			this.capacity = Number(el.dataset.capacity);
			const initial = JSON.parse(el.dataset.rows);
			this.epoch = initial.epoch;
			this.rows = initial.rows;
			this.lastSeq = this.rows.length ? this.rows[this.rows.length - 1].seq : 0;
			this.valueEl = el.querySelector('.card-value');
			this.plotEl = el.querySelector('.plot');
			this.caughtUp = false;
			this.pending = [];
			if (this.plotEl && window.uPlot) this.drawPlot();
			this.render();
		}

		topic() { return `/topic/cards/${this.node}/${this.id}`; }

		subscribe(client) {
			this.caughtUp = false;
			this.pending = [];
			client.subscribe(this.topic(), (frame) => {
				const message = JSON.parse(frame.body);
				if (this.caughtUp) this.apply(message, client); else this.pending.push(message);
			});
			this.catchUp(client);
		}

		// Asks for every row after the last one we hold; the server answers once on /app.
		catchUp(client) {
			this.caughtUp = false;
			const once = client.subscribe(`/app/cards/${this.node}/${this.id}`, (frame) => {
				once.unsubscribe();
				const message = JSON.parse(frame.body);
				if (message.error) { console.warn('statwall:', message.error); return; }
				this.caughtUp = true;
				this.apply(message, client);
				this.pending.splice(0).forEach((m) => this.apply(m, client));
			}, { epoch: String(this.epoch), after: String(this.lastSeq) });
		}

		apply(message, client) {
			if (message.epoch !== this.epoch) {
				// the server restarted: its sequence numbers start again, our points stay
				this.epoch = message.epoch;
				this.lastSeq = 0;
			}
			for (const row of message.rows) {
				if (row.seq <= this.lastSeq) continue;
				if (this.lastSeq !== 0 && row.seq !== this.lastSeq + 1) {
					if (this.caughtUp) { this.pending = []; this.catchUp(client); }
					return;
				}
				this.rows.push(row);
				this.lastSeq = row.seq;
			}
			if (this.rows.length > this.capacity) this.rows.splice(0, this.rows.length - this.capacity);
			this.render();
		}

		render() {
			const last = this.rows[this.rows.length - 1];
			if (this.valueEl) this.valueEl.textContent = last ? last.text : 'n/a';
			this.el.dataset.seq = String(this.lastSeq);
			this.el.dataset.points = String(this.rows.length);
			if (this.plot) this.plot.setData(this.data());
		}

		data() {
			return [this.rows.map((r) => r.time / 1000), this.rows.map((r) => r.values[0])];
		}

		drawPlot() {
			const color = getComputedStyle(this.el).getPropertyValue('--plot').trim() || '#2d7dd2';
			const tip = document.createElement('div');
			tip.className = 'tip';
			tip.hidden = true;
			const box = this.plotEl.getBoundingClientRect();
			this.plot = new uPlot({
				width: Math.max(10, Math.floor(box.width)),
				height: Math.max(10, Math.floor(box.height)),
				legend: { show: false },
				select: { show: false },
				padding: [6, 0, 0, 0],
				cursor: { y: false, drag: { x: false, y: false }, points: { size: 6, fill: color } },
				axes: [{ show: false }, { show: false }],
				scales: { x: { time: true }, y: { range: (u, min, max) => [0, max > 0 ? max * 1.1 : 1] } },
				series: [{}, { stroke: color, fill: rgba(color, 0.2), width: 2, spanGaps: false, points: { show: false } }],
				hooks: {
					setCursor: [(u) => {
						const row = u.cursor.idx == null ? null : this.rows[u.cursor.idx];
						tip.hidden = !row;
						if (row) tip.textContent = `${row.text} at ${clock(row.time)}`;
					}],
				},
			}, this.data(), this.plotEl);
			this.plotEl.appendChild(tip);
			this.plotEl.classList.add('live');
			new ResizeObserver(() => {
				const size = this.plotEl.getBoundingClientRect();
				this.plot.setSize({ width: Math.max(10, Math.floor(size.width)), height: Math.max(10, Math.floor(size.height)) });
			}).observe(this.plotEl);
		}
	}

	function start() {
		document.querySelectorAll('[data-card]').forEach((el) => cards.set(`${el.dataset.node}/${el.dataset.card}`, new LiveCard(el)));
		window.statwall = { cards };
		if (!window.StompJs || cards.size === 0) return;
		const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
		const client = new StompJs.Client({
			brokerURL: `${scheme}://${location.host}/ws`,
			reconnectDelay: 1000,
			heartbeatIncoming: 10000,
			heartbeatOutgoing: 10000,
		});
		client.onConnect = () => {
			setStatus('live', 'live');
			cards.forEach((card) => card.subscribe(client));
		};
		client.onWebSocketClose = () => setStatus('reconnecting', 'reconnecting…');
		client.onStompError = (frame) => console.warn('statwall: STOMP error', frame.headers.message);
		setStatus('reconnecting', 'connecting…');
		client.activate();
		window.statwall.client = client;
	}

	if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
