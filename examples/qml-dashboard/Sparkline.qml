// SPDX-License-Identifier: LGPL-2.1-or-later
//
// A small line chart of the last samples of one figure: add() a sample each
// time the model's statistics change; the line is scaled to the largest
// sample shown (or to maximum, when that is larger).

import QtQuick

Canvas {
    id: spark

    property color color: "#2a7ab0"
    // The value at the top edge at least: 100 for a percentage.
    property real maximum: 0
    property int capacity: 40
    property var samples: []

    function add(value) {
        const kept = samples.slice(Math.max(0, samples.length - capacity + 1));
        kept.push(value);
        samples = kept;
        requestPaint();
    }

    implicitHeight: 28

    onPaint: {
        const ctx = getContext("2d");
        ctx.reset();
        ctx.fillStyle = "#f2f2f2";
        ctx.fillRect(0, 0, width, height);
        if (samples.length < 2)
            return;
        const top = Math.max(maximum, ...samples) || 1;
        const step = width / (capacity - 1);
        const left = width - step * (samples.length - 1);
        ctx.strokeStyle = color;
        ctx.lineWidth = 1.5;
        ctx.beginPath();
        for (let i = 0; i < samples.length; ++i) {
            const x = left + i * step;
            const y = height - 1 - (height - 2) * samples[i] / top;
            if (i === 0)
                ctx.moveTo(x, y);
            else
                ctx.lineTo(x, y);
        }
        ctx.stroke();
    }
}
