/* Phone uploads that survive a weak connection: each file goes up in pieces; after a dropped
   connection the page asks the server how much arrived and continues from there. Without this
   script the form still posts the files in one go. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-intake]");
  if (!form || !window.XMLHttpRequest || !window.Promise || !window.Blob) { return; }
  var texts = JSON.parse(document.getElementById("intake-texts").textContent);
  var chunkBytes = parseInt(form.getAttribute("data-chunk"), 10);
  var createUrl = form.getAttribute("data-create-url");
  var csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;
  var rows = form.querySelector("[data-intake-progress]");
  var template = document.getElementById("intake-row");
  var MAX_ATTEMPTS = 12;

  function Refused(message) { this.message = message; }

  function sleep(ms) { return new Promise(function (resolve) { setTimeout(resolve, ms); }); }

  function request(method, url, body, headers, onProgress) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open(method, url);
      xhr.setRequestHeader("X-CSRFToken", csrf);
      Object.keys(headers || {}).forEach(function (name) { xhr.setRequestHeader(name, headers[name]); });
      if (onProgress) { xhr.upload.onprogress = function (event) { onProgress(event.loaded); }; }
      xhr.onload = function () {
        var data = {};
        try { data = JSON.parse(xhr.responseText || "{}"); } catch (ignored) { data = {}; }
        if (xhr.status >= 500 || xhr.status === 0) { reject(new Error("server " + xhr.status)); return; }
        resolve({ status: xhr.status, data: data });
      };
      xhr.onerror = xhr.ontimeout = xhr.onabort = function () { reject(new Error("network")); };
      xhr.send(body === undefined ? null : body);
    });
  }

  function addRow(file) {
    var row = template.content.firstElementChild.cloneNode(true);
    row.querySelector(".intake-row-name").textContent = file.name;
    row.querySelector("progress").setAttribute("aria-label", file.name);
    rows.appendChild(row);
    var none = document.querySelector("[data-intake-none]");
    if (none) { none.hidden = true; }
    show(row, texts.waiting);
    return row;
  }

  function show(row, text, state) {
    row.querySelector(".intake-row-state").textContent = text;
    if (state) { row.setAttribute("data-state", state); }
  }

  function showProgress(row, sent, total) {
    var percent = total ? Math.floor((sent * 100) / total) : 100;
    row.querySelector("progress").value = percent;
    show(row, texts.sending.replace("%(percent)s", percent).replace("%%", "%"), "sending");
  }

  // Tries again with growing pauses: phones lose the network for seconds, not for good.
  async function patiently(row, step) {
    for (var attempt = 1; ; attempt += 1) {
      try { return await step(); } catch (error) {
        if (error instanceof Refused || attempt >= MAX_ATTEMPTS) { throw error; }
        show(row, texts.retrying, "retrying");
        await sleep(Math.min(30000, 500 * Math.pow(2, attempt)));
      }
    }
  }

  async function create(file, caption, row) {
    var body = JSON.stringify({ name: file.name, size: file.size, caption: caption });
    var answer = await patiently(row, function () {
      return request("POST", createUrl, body, { "Content-Type": "application/json" });
    });
    if (answer.status !== 201) { throw new Refused(answer.data.error); }
    return answer.data;
  }

  async function sendPieces(file, state, row) {
    var url = state.url;
    var synced = true;
    while (state.status === "receiving") {
      var offset = state.offset;
      var answer = await patiently(row, async function () {
        if (!synced) {   // after a drop: ask where the server really is, then continue from there
          var current = await request("GET", url);
          offset = current.data.offset;
          if (current.data.status !== "receiving") { return current; }
        }
        synced = false;
        var piece = file.slice(offset, Math.min(offset + chunkBytes, file.size));
        return request("PUT", url, piece, { "Upload-Offset": String(offset) }, function (loaded) {
          showProgress(row, offset + loaded, file.size);
        }).then(function (answer) { synced = true; return answer; });
      });
      if (answer.status >= 400 && answer.status !== 409) { throw new Refused(answer.data.error); }
      state = answer.data;
      showProgress(row, state.offset, file.size);
    }
    return url;
  }

  async function settle(url, state, row) {
    while (state.status === "processing") {
      show(row, texts.processing, "processing");
      await sleep(3000);
      state = (await patiently(row, function () { return request("GET", url); })).data;
    }
    row.querySelector("progress").value = state.status === "failed" ? 0 : 100;
    show(row, state.status === "failed" ? state.error : texts[state.status], state.status);
  }

  async function send(file, caption, row) {
    try {
      var state = await create(file, caption, row);
      var url = await sendPieces(file, state, row);
      var last = (await patiently(row, function () { return request("GET", url); })).data;
      await settle(url, last, row);
    } catch (error) {
      show(row, (error instanceof Refused && error.message) || texts.failed, "failed");
    }
  }

  form.addEventListener("submit", async function (event) {
    var inputs = Array.prototype.slice.call(form.querySelectorAll("input[type=file]"));
    var files = [];
    inputs.forEach(function (input) { files = files.concat(Array.prototype.slice.call(input.files)); });
    if (!files.length) { return; }   // the server answers an empty form with a message in the right language
    event.preventDefault();
    var caption = form.querySelector("[name=caption]").value;
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    inputs.forEach(function (input) { input.value = ""; });
    var fileRows = files.map(addRow);   // every chosen file is listed at once, then sent one by one
    for (var i = 0; i < files.length; i += 1) { await send(files[i], caption, fileRows[i]); }
    button.disabled = false;
  });
}());
