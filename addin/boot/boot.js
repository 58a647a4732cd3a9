/*
 * The pane's first script, and the one script every Excel that loads the add-in runs: plain ES5, no
 * modules, so that Internet Explorer 11 (Trident) and Edge Legacy (EdgeHTML), the webviews of Office
 * 2016 and 2019 without WebView2, run it too. It loads the pane's bundle (named by the build in
 * <meta name="taizhang-pane">) only where
 * - the host has the requirement sets the pane needs (addin/excel/capabilities.ts, `paneSets`):
 *   ExcelApi 1.7, and ExcelApi 1.13 to read the cells or File 1.1 to read the workbook's file;
 * - the webview has what the bundle needs: ES modules, custom elements and shadow DOM (the Fluent
 *   components), TextDecoder (the reader), the ES2019 built-ins, Unicode property escapes.
 * Should the bundle still fail before the pane has started, the clerk is told so too.
 * Elsewhere the clerk reads which Excel the one-click check needs and where 台账助手.html is, which
 * does the same check in any browser. Outside Excel (a browser, a test) the bundle is loaded and says
 * itself that no Excel is there, or works on the host a test injected.
 */
(function () {
  'use strict';

  var paneSets = { excel: '1.7', cells: '1.13', file: '1.1' };

  function regexpWorks(source, flags) {
    try {
      return new RegExp(source, flags).test('台');
    } catch (_) {
      return false;
    }
  }

  /** What the bundle needs and this webview lacks; empty where the pane can run. */
  function webviewLacks() {
    var lacks = [];
    if (!('noModule' in document.createElement('script'))) lacks.push('ES modules');
    if (!window.customElements || typeof Element.prototype.attachShadow !== 'function') lacks.push('custom elements');
    if (typeof Promise !== 'function' || typeof TextDecoder !== 'function') lacks.push('Promise, TextDecoder');
    if (!Array.prototype.flatMap || !Object.fromEntries || !String.prototype.matchAll) lacks.push('ES2019 built-ins');
    if (!regexpWorks('\\p{Script=Han}', 'u')) lacks.push('Unicode property escapes');
    return lacks;
  }

  function requirements() {
    var context = window.Office && Office.context;
    var sets = context && context.requirements;
    return sets && typeof sets.isSetSupported === 'function' ? sets : null;
  }

  /** The host can run the pane one way or the other: by reading the cells, or the workbook's file. */
  function hostHasSets() {
    var sets = requirements();
    if (!sets || !sets.isSetSupported('ExcelApi', paneSets.excel)) return false;
    if (sets.isSetSupported('ExcelApi', paneSets.cells)) return true;
    // Excel 2013's office.js has no FileType (OfficeDev/office-js #2117).
    return sets.isSetSupported('File', paneSets.file) && !!(Office.FileType && Office.FileType.Compressed);
  }

  function loadPane() {
    var named = document.querySelector('meta[name="taizhang-pane"]');
    // The dev server has the bundle's module script in the page already.
    if (!named) return;
    var script = document.createElement('script');
    script.type = 'module';
    script.src = named.getAttribute('content');
    // A webview that passed the checks may still refuse the bundle (its syntax, an API missing at
    // start): until the pane says it started, an error from the bundle is said as a webview too old.
    window.addEventListener('error', function (event) {
      if (window.taizhangPaneStarted || event.filename !== script.src) return;
      refuse(false, ['the pane did not start: ' + event.message]);
    });
    document.head.appendChild(script);
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  /** The help page's section on 台账助手.html, opened in the browser outside Excel where Office can. */
  function showPage() {
    var link = document.createElement('a');
    link.href = 'help.html#page';
    var url = link.href;
    var ui = window.Office && Office.context && Office.context.ui;
    var sets = requirements();
    if (ui && typeof ui.openBrowserWindow === 'function' && sets && sets.isSetSupported('OpenBrowserWindowApi', '1.1')) {
      ui.openBrowserWindow(url);
    } else {
      window.open(url, '_blank');
    }
  }

  function refuse(hostTooOld, lacks) {
    var main = document.querySelector('main') || document.body;
    while (main.firstChild) main.removeChild(main.firstChild);
    var box = element('section', '', 'refusal');
    box.setAttribute('role', 'alert');
    box.setAttribute('data-lacks', (hostTooOld ? ['ExcelApi ' + paneSets.excel] : []).concat(lacks).join('; '));
    box.appendChild(element('h2', '此 Excel 无法使用“台账校验”窗格'));
    box.appendChild(
      element(
        'p',
        hostTooOld
          ? '本机 Excel 版本过旧（如 Excel 2016、批量许可版 Excel 2019），缺少台账校验要用的功能。'
          : '本机 Excel 显示窗格用的内置浏览器过旧（Internet Explorer 或旧版 Edge 内核），运行不了台账校验。'
      )
    );
    box.appendChild(
      element(
        'p',
        '一键校验需要 Excel 2021、Excel 2024、Microsoft 365 或 Excel 网页版；Excel 2019 零售版装有 Microsoft Edge WebView2 时也可以。'
      )
    );
    box.appendChild(
      element(
        'p',
        '不换 Excel 也能校验：用浏览器（Edge、Chrome、Firefox 或 360 等浏览器的极速模式）打开“台账助手.html”，选择台账文件，做的是同样的检查，不联网、不上传文件。'
      )
    );
    var button = element('button', '台账助手.html 在哪里', 'wide');
    button.type = 'button';
    button.onclick = showPage;
    box.appendChild(button);
    main.appendChild(box);
  }

  /** Runs `f` once the page's body is there: Office may be ready before it is parsed. */
  function whenParsed(f) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', f);
    else f();
  }

  function start() {
    var lacks = webviewLacks();
    if (!window.Office || typeof Office.onReady !== 'function') {
      whenParsed(function () {
        if (lacks.length > 0) refuse(false, lacks);
        else loadPane();
      });
      return;
    }
    Office.onReady(function (info) {
      var inExcel = !!info && info.host === Office.HostType.Excel;
      var hostTooOld = inExcel && !hostHasSets();
      whenParsed(function () {
        if (hostTooOld || lacks.length > 0) refuse(hostTooOld, lacks);
        else loadPane();
      });
    });
  }

  start();
})();
