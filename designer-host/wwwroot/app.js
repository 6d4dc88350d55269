// Small browser helpers the Blazor pages call through JS interop.
window.approval = {
  // Opens the browser's print dialog for one rendered document (an iframe's content).
  printFrame: function (id) {
    const frame = document.getElementById(id);
    if (frame && frame.contentWindow) { frame.contentWindow.focus(); frame.contentWindow.print(); }
  },
  // Saves text as a file (the designer's JSON export).
  download: function (fileName, text, mime) {
    const blob = new Blob([text], { type: mime || 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob); a.download = fileName; document.body.appendChild(a); a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }
};
