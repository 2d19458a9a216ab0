// SPDX-License-Identifier: LGPL-2.1-or-later
//
// StreamBuffer::takeBatch() on its own: how a stream's write queue is cut
// into the batches its sending thread gets. An upload queues one message of
// data per chunk; a batch must hand those chunks over as they are, since
// taking part of one copies it (a quarter of an upload's data was copied
// once more when every batch ended inside a chunk). File slices of an
// upload from a regular file follow the same rule.

#include "stream/streambuffer.h"
#include "stream/streamlimits.h"

#include <QtTest/QTest>

namespace {

constexpr qint64 Budget = qint64(1024) * 1024;

QByteArray messageChunk(char fill)
{
    return QByteArray(StreamMessagePayloadMax, fill);
}

qint64 dataIn(const QList<StreamBuffer::Piece> &batch)
{
    qint64 total = 0;
    for (const StreamBuffer::Piece &piece : batch)
        total += piece.data.size();
    return total;
}

} // namespace

class tst_StreamBatches : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void messageChunksAreNeverSplitOrCopied();
    void chunkLargerThanBudgetIsSplitWhenFirst();
    void holesKeepTheirPlace();
    void smallWritesGatheredAreTakenWhole();
    void fileSlicesAreTakenWholeAndCounted();
};

void tst_StreamBatches::messageChunksAreNeverSplitOrCopied()
{
    StreamBuffer buffer;
    QList<const char *> queued;
    for (int i = 0; i < 12; ++i) {
        QByteArray chunk = messageChunk(char('a' + i));
        queued.append(chunk.constData());
        buffer.append(std::move(chunk));
    }
    int next = 0;
    while (!buffer.isEmpty()) {
        const QList<StreamBuffer::Piece> batch = buffer.takeBatch(Budget);
        QVERIFY(!batch.isEmpty());
        QVERIFY(dataIn(batch) <= Budget);
        for (const StreamBuffer::Piece &piece : batch) {
            QCOMPARE(piece.hole, 0);
            QCOMPARE(piece.data.size(), StreamMessagePayloadMax);
            // The very buffer queued: no copy.
            QCOMPARE(piece.data.constData(), queued.at(next));
            QCOMPARE(piece.data.front(), char('a' + next));
            ++next;
        }
    }
    QCOMPARE(next, 12);
    QCOMPARE(buffer.dataSize(), 0);
}

void tst_StreamBatches::chunkLargerThanBudgetIsSplitWhenFirst()
{
    StreamBuffer buffer;
    QByteArray large(3 * Budget + 10, 'x');
    large[Budget] = 'y';
    buffer.append(std::move(large));
    buffer.append(messageChunk('z'));

    QList<qint64> sizes;
    QByteArray joined;
    while (!buffer.isEmpty()) {
        const QList<StreamBuffer::Piece> batch = buffer.takeBatch(Budget);
        QVERIFY(dataIn(batch) <= Budget);
        sizes.append(dataIn(batch));
        for (const StreamBuffer::Piece &piece : batch)
            joined += piece.data;
    }
    // Three budgets, then the rest of the large write with the next chunk,
    // whole.
    QCOMPARE(sizes, (QList<qint64>{Budget, Budget, Budget, 10 + StreamMessagePayloadMax}));
    QCOMPARE(joined.size(), 3 * Budget + 10 + StreamMessagePayloadMax);
    QCOMPARE(joined.at(Budget), 'y');
    QCOMPARE(joined.back(), 'z');
}

void tst_StreamBatches::holesKeepTheirPlace()
{
    StreamBuffer buffer;
    buffer.append(messageChunk('a'));
    buffer.appendHole(4096);
    buffer.append(messageChunk('b'));
    const QList<StreamBuffer::Piece> batch = buffer.takeBatch(Budget);
    QCOMPARE(batch.size(), 3);
    QCOMPARE(batch.at(0).data.front(), 'a');
    QCOMPARE(batch.at(1).hole, 4096);
    QVERIFY(batch.at(1).data.isEmpty());
    QCOMPARE(batch.at(2).data.front(), 'b');
    QVERIFY(buffer.isEmpty());
}

void tst_StreamBatches::smallWritesGatheredAreTakenWhole()
{
    StreamBuffer buffer;
    QByteArray expected;
    for (int i = 0; i < 1000; ++i) {
        const QByteArray line = QByteArray::number(i) + '\n';
        buffer.append(line.constData(), line.size());
        expected += line;
    }
    QByteArray joined;
    while (!buffer.isEmpty()) {
        for (const StreamBuffer::Piece &piece : buffer.takeBatch(Budget))
            joined += piece.data;
    }
    QCOMPARE(joined, expected);
}

void tst_StreamBatches::fileSlicesAreTakenWholeAndCounted()
{
    // Slices stand for file data the sending thread reads (no descriptor
    // is needed to queue them): taken as data, whole once a batch holds
    // some, split (without a copy) only when first and over the budget.
    StreamBuffer buffer;
    buffer.appendFileSlice(FileSlice{nullptr, 0, StreamMessagePayloadMax});
    buffer.appendHole(512);
    buffer.appendFileSlice(FileSlice{nullptr, StreamMessagePayloadMax + 512, 3 * Budget});
    QCOMPARE(buffer.dataSize(), StreamMessagePayloadMax + 3 * Budget);

    QList<StreamBuffer::Piece> batch = buffer.takeBatch(Budget);
    QCOMPARE(batch.size(), 2);
    QCOMPARE(batch.at(0).slice.length, StreamMessagePayloadMax);
    QCOMPARE(batch.at(1).hole, 512);
    QCOMPARE(buffer.dataSize(), 3 * Budget);

    qint64 offset = StreamMessagePayloadMax + 512;
    for (int i = 0; i < 3; ++i) {
        batch = buffer.takeBatch(Budget);
        QCOMPARE(batch.size(), 1);
        QCOMPARE(batch.at(0).slice.offset, offset);
        QCOMPARE(batch.at(0).slice.length, Budget);
        QVERIFY(batch.at(0).data.isEmpty());
        offset += Budget;
    }
    QVERIFY(buffer.isEmpty());
    QCOMPARE(buffer.dataSize(), 0);
}

QTEST_GUILESS_MAIN(tst_StreamBatches)
#include "tst_streambatches.moc"
