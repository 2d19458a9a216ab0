// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_QTMANAGER_VNCVIEW_H
#define QTVIRT_EXAMPLES_QTMANAGER_VNCVIEW_H

#include <QtGui/QImage>
#include <QtWidgets/QWidget>

#include <memory>

class QSocketNotifier;
struct VncSession;

// The screen of a VNC server, through libvncclient (libvncserver's client
// library), on a socket that is already connected: the one
// QVirtConnection::openDomainGraphicsFd() gives, so no port or address is
// needed and any libvirt transport that passes descriptors works. The
// image is scaled into the widget keeping its aspect ratio; key presses
// and the mouse go to the server.
//
// libvncclient's calls block: the handshake runs in a thread of its own,
// and afterwards a message is read only when a QSocketNotifier says the
// socket has one, so the window never waits for the server.
class VncView : public QWidget
{
    Q_OBJECT

public:
    explicit VncView(QWidget *parent = nullptr);
    ~VncView() override;

    // Speaks RFB over fd, a connected socket, which the view owns from now
    // on (also when it fails). Ends a session already running.
    void start(int fd);
    // Ends the session and closes its socket.
    void stop();
    bool isConnected() const;
    // The server's screen as last received; null before the first one.
    QImage frame() const;

    QSize sizeHint() const override;

Q_SIGNALS:
    void connected();
    // The session ended or could not start; reason is translated.
    void disconnected(const QString &reason);
    // A framebuffer update was completely received.
    void frameUpdated();

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    bool focusNextPrevChild(bool next) override;

private:
    void takeOver(const std::shared_ptr<VncSession> &session);
    void readMessages();
    void sendKey(QKeyEvent *event, bool down);
    void sendPointer(QMouseEvent *event);
    // Where the frame is drawn in the widget.
    QRect frameRect() const;

    std::shared_ptr<VncSession> m_session;
    QSocketNotifier *m_notifier = nullptr;
    // Which handshake's result is still wanted.
    quint64 m_generation = 0;
};

#endif // QTVIRT_EXAMPLES_QTMANAGER_VNCVIEW_H
