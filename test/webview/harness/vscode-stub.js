// The tests' stand-in for VS Code's webview API, loaded before the preview's script (same nonce).
// It records what the page posts, lets the test post messages in, and watches for long tasks.
(() => {
  const posted = [];
  let state;
  let acquired = false;
  window.__calmPosted = posted;
  window.__calmLongTasks = [];
  window.__calmDeliver = (message) => window.dispatchEvent(new MessageEvent('message', { data: message }));
  // What VS Code does with a message for its webview: JSON text in, parsed in the page, then a message event.
  // The JSON is fetched from the test's server: handing megabytes to page.evaluate is slow in Playwright itself.
  window.__calmDeliverFrom = async (url) => {
    const text = await (await fetch(url)).text();
    performance.mark('calm:message');
    window.__calmDeliver(JSON.parse(text));
  };
  window.acquireVsCodeApi = () => {
    if (acquired) throw new Error('acquireVsCodeApi called twice');
    acquired = true;
    return {
      postMessage: (message) => posted.push(JSON.parse(JSON.stringify(message))),
      getState: () => state,
      setState: (value) => {
        state = value;
      },
    };
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__calmLongTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
})();
