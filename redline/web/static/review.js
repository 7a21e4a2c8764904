// Review mode, article page: selecting text in the article fills the add form's start/end offsets
// (characters from the start of the text, as the store counts them). The form works without this script.
(function () {
  "use strict";
  var text = document.querySelector(".article-text");
  var start = document.getElementById("add-start");
  var end = document.getElementById("add-end");
  var preview = document.getElementById("add-preview");
  if (!text || !start || !end) { return; }

  function offsetOf(node, offset) {
    var range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  function fill() {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) { return; }
    var range = selection.getRangeAt(0);
    if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) { return; }
    var a = offsetOf(range.startContainer, range.startOffset);
    var b = offsetOf(range.endContainer, range.endOffset);
    if (b <= a) { return; }
    start.value = String(a);
    end.value = String(b);
    if (preview) { preview.textContent = "selected: " + range.toString().slice(0, 200); }
  }

  text.addEventListener("mouseup", fill);
  text.addEventListener("keyup", fill);
  document.addEventListener("selectionchange", function () {
    var selection = window.getSelection();
    if (selection && selection.rangeCount && text.contains(selection.anchorNode)) { fill(); }
  });
}());
