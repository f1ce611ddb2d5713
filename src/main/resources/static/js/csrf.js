// statwall: htmx requests carry the CSRF token of the page's <meta name="_csrf"> (when sign-in is on).
(() => {
	'use strict';
	document.addEventListener('htmx:configRequest', (event) => {
		const token = document.querySelector('meta[name="_csrf"]');
		const header = document.querySelector('meta[name="_csrf_header"]');
		if (token && header) event.detail.headers[header.content] = token.content;
	});
})();
