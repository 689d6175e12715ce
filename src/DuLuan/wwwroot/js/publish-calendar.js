// Drag a post to another day of the editorial calendar. The drop fills the post's own move form (the keyboard
// alternative that works without this script) with the new day and submits it, so both paths share one handler.
(function () {
    'use strict';
    var calendar = document.getElementById('calendar');
    if (!calendar) { return; }
    var dragged = null;
    calendar.addEventListener('dragstart', function (e) {
        var post = e.target.closest ? e.target.closest('.calendar-post[draggable="true"]') : null;
        if (!post) { return; }
        dragged = post;
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData('text/plain', post.getAttribute('data-post-id'));
    });
    calendar.addEventListener('dragover', function (e) {
        if (dragged && e.target.closest('.calendar-day')) { e.preventDefault(); }
    });
    calendar.addEventListener('drop', function (e) {
        var day = e.target.closest('.calendar-day');
        if (!dragged || !day) { return; }
        e.preventDefault();
        var form = dragged.querySelector('form.calendar-move-form');
        if (!form) { return; }
        form.querySelector('input[name="day"]').value = day.getAttribute('data-day');
        dragged = null;
        form.submit();
    });
    calendar.addEventListener('dragend', function () { dragged = null; });
}());
