// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_QVIRTDOMAINMODEL_H
#define QTVIRT_QVIRTDOMAINMODEL_H

#include <QtVirt/qtvirtglobal.h>

#include <QtCore/QAbstractTableModel>
#include <QtCore/QList>

#include <libvirt/libvirt.h>

#include <memory>

class QVirtConnection;
class QVirtDomainModelPrivate;

/*!
    \class QVirtDomainModel
    \brief The domains of one or more QVirtConnection objects, one row each,
    kept current by libvirt's events.

    Rows are sorted by connection (in the order they were added) and then
    by name. The model follows libvirt's lifecycle events (it polls only for
    statistics, see statsInterval):
    a row appears when a domain is defined or a transient one starts,
    changes with every lifecycle event, and goes when a domain is undefined
    or a transient one stops. Every open of a connection, reconnects
    included, lists its domains again, because the events in between are
    lost. A closed connection has no rows; while one reconnects its rows
    stay, so that a view does not flicker. Every blocking libvirt call runs
    in a worker thread, never in the model's thread.

    A QTableView shows it as it is: the columns (see Column) have
    Qt::DisplayRole text and SortRole data for a QSortFilterProxyModel,
    and translated header titles. QML and item delegates read the named
    roles (see Role), which every column answers; QML's views use column 0.

    \code
    auto *model = new QVirtDomainModel(this);
    model->addConnection(connection);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(model);
    proxy->setSortRole(QVirtDomainModel::SortRole);
    tableView->setModel(proxy);
    tableView->setSortingEnabled(true);
    \endcode

    The actions (startDomain() and the others) take a row, run in a
    worker thread and report through actionFinished(); a failure comes
    first through errorOccurred(), as Qt's own devices report theirs, with
    error() and errorString() set. The connections are
    not owned; one that is destroyed leaves the model by itself. Use the
    model from the thread of its connections only.

    \since 0.2
*/
class QTVIRT_EXPORT QVirtDomainModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(
        int statsInterval READ statsInterval WRITE setStatsInterval NOTIFY statsIntervalChanged)
    Q_PROPERTY(Error error READ error NOTIFY errorOccurred)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorOccurred)

public:
    /*!
        The roles every column answers, with their names for QML in
        quotes.
        \since 0.2
    */
    enum Role {
        /*! The column's value for sorting: name, state, CPU %, memory in
            KiB, vCPUs or host, as a string or a number. */
        SortRole = Qt::UserRole,
        NameRole,       ///< "name"
        UuidRole,       ///< "uuid": a string without braces, as virsh prints it
        DomainIdRole,   ///< "domainId": the hypervisor's id, -1 unless running
        StateRole,      ///< "domainState": a State (QML's Item.state is taken)
        StateTextRole,  ///< "stateText": translated, for example "Shut off"
        PersistentRole, ///< "persistent"
        AutostartRole,  ///< "autostart"
        MemoryRole,     ///< "memory": KiB the domain has (virDomainInfo.memory)
        VcpusRole,      ///< "vcpus"
        HostRole,       ///< "host": the connection's host name
        UriRole,        ///< "uri": the connection's URI
        /*! "cpuPercent": a double, 100 when every vCPU of the domain was
            busy for the whole last interval (see statsInterval); undefined
            until two statistics samples of a running domain exist. */
        CpuPercentRole,
        /*! "memoryUsed": KiB the domain uses on the host: the balloon's
            "rss" where the driver reports it, else its "current". */
        MemoryUsedRole,
        DiskReadRateRole,  ///< "diskReadRate": bytes per second, all disks
        DiskWriteRateRole, ///< "diskWriteRate": bytes per second, all disks
        NetRxRateRole,     ///< "netRxRate": bytes per second received, all interfaces
        NetTxRateRole,     ///< "netTxRate": bytes per second sent, all interfaces
    };
    Q_ENUM(Role)

    /*! The columns a QTableView shows. \since 0.2 */
    enum Column {
        NameColumn,   ///< The domain's name.
        StateColumn,  ///< The translated state; sorted by State.
        CpuColumn,    ///< CPU use in percent of all its vCPUs.
        MemoryColumn, ///< Memory, for example "8.0 MiB"; sorted by KiB.
        VcpusColumn,  ///< The number of virtual CPUs.
        HostColumn,   ///< The host name of the domain's connection.
        ColumnCount   ///< Not a column: how many there are.
    };
    Q_ENUM(Column)

    /*! virDomainState; the values equal libvirt's. \since 0.2 */
    enum State {
        NoState = VIR_DOMAIN_NOSTATE,
        Running = VIR_DOMAIN_RUNNING,
        Blocked = VIR_DOMAIN_BLOCKED,
        Paused = VIR_DOMAIN_PAUSED,
        ShuttingDown = VIR_DOMAIN_SHUTDOWN,
        ShutOff = VIR_DOMAIN_SHUTOFF,
        Crashed = VIR_DOMAIN_CRASHED,
        PMSuspended = VIR_DOMAIN_PMSUSPENDED,
    };
    Q_ENUM(State)

    /*! What actionFinished() reports on. \since 0.2 */
    enum Action {
        Start,    ///< startDomain()
        Shutdown, ///< shutdownDomain()
        Reboot,   ///< rebootDomain()
        Destroy,  ///< destroyDomain()
        Suspend,  ///< suspendDomain()
        Resume,   ///< resumeDomain()
    };
    Q_ENUM(Action)

    /*!
        What went wrong, as error() and errorOccurred() report it, in the
        manner of QAbstractSocket::SocketError. The details are in
        errorString().

        After a ListingError the connection's rows stay as they were until
        the next listing, when it opens again. After a StatisticsError its
        figures stay as they were; it is reported once, not every
        statsInterval, until a reading succeeds or the connection opens
        again. Neither is reported for a
        connection that closed meanwhile: QVirtConnection reports that.
        \since 0.2
    */
    enum Error {
        NoError,         ///< Nothing has failed yet.
        ActionError,     ///< An action (startDomain() and the others) failed.
        ListingError,    ///< Listing the domains of an open connection failed.
        StatisticsError, ///< Reading the statistics of a connection failed.
    };
    Q_ENUM(Error)

    /*!
        Constructs an empty model, a child of \a parent; addConnection() fills it.
        \since 0.2
    */
    explicit QVirtDomainModel(QObject *parent = nullptr);
    /*! \since 0.2 */
    ~QVirtDomainModel() override;

    /*!
        Shows the domains of \a connection after those of the connections
        added before. Nothing happens for a null connection or one already
        added. The model lists its domains whenever it opens, at once when
        it is open already.
        \since 0.2
    */
    void addConnection(QVirtConnection *connection);
    /*! Removes \a connection and its rows. \since 0.2 */
    void removeConnection(QVirtConnection *connection);
    /*! The connections in the order they were added. \since 0.2 */
    QList<QVirtConnection *> connections() const;

    /*!
        \property QVirtDomainModel::statsInterval
        \brief How often, in milliseconds, the statistics roles (CpuPercentRole
        and the others) are refreshed; 0, the default, stops them.

        While it is on, the model makes one virConnectGetAllDomainStats()
        call per connection per interval, in a worker thread, for all its
        domains together, and never starts one for a connection while its
        last one still runs. Each answer also refreshes the memory and vCPUs
        of the domains, which have no events of their own, and ends in one
        dataChanged() per connection covering the rows that changed. Setting
        it to 0 drops the figures (one dataChanged() per connection) and
        ignores an answer still on its way.
        \since 0.2
    */
    int statsInterval() const;
    /*!
        Sets statsInterval to \a ms milliseconds; 0 stops the statistics.
        \sa statsInterval()
        \since 0.2
    */
    void setStatsInterval(int ms);

    /*!
        \property QVirtDomainModel::error
        \brief The last error, or NoError while nothing has failed. A later
        success does not reset it, as with QProcess::error().
        \since 0.2
    */
    Error error() const;
    /*!
        \property QVirtDomainModel::errorString
        \brief What error() means, translated, for example "Cannot start
        web1: Requested operation is not valid: domain is already running":
        the domain's name (or the connection's host) and libvirt's message.
        Empty while error() is NoError.
        \since 0.2
    */
    QString errorString() const;

    /*! \reimp */
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    /*! ColumnCount for the root, 0 below it. \reimp */
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    /*! \reimp */
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    /*! Translated titles of the columns, and row numbers. \reimp */
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    /*! The names of Role, for QML. \reimp */
    QHash<int, QByteArray> roleNames() const override;

    /*!
        \name Actions
        Each runs in a worker thread on the domain of the given row and
        reports through actionFinished(), after errorOccurred() when it
        failed. Each returns false, and does nothing, for a row that does not
        exist. They are named with "Domain" because QML objects have a
        destroy() of their own.
    */
    /*!
        virDomainCreate(): starts the domain of \a row. Returns false for a row that does
        not exist.
        \since 0.2
    */
    Q_INVOKABLE bool startDomain(int row);
    /*!
        virDomainShutdown(): asks the guest of the domain of \a row to shut down. Returns
        false for a row that does not exist.
        \since 0.2
    */
    Q_INVOKABLE bool shutdownDomain(int row);
    /*!
        virDomainReboot(): asks the guest of the domain of \a row to reboot. Returns false
        for a row that does not exist.
        \since 0.2
    */
    Q_INVOKABLE bool rebootDomain(int row);
    /*!
        virDomainDestroy(): stops the domain of \a row at once. Returns false for a row that
        does not exist.
        \since 0.2
    */
    Q_INVOKABLE bool destroyDomain(int row);
    /*!
        virDomainSuspend(): pauses the domain of \a row. Returns false for a row that does
        not exist.
        \since 0.2
    */
    Q_INVOKABLE bool suspendDomain(int row);
    /*!
        virDomainResume(): lets the paused domain of \a row run again. Returns false for a
        row that does not exist.
        \since 0.2
    */
    Q_INVOKABLE bool resumeDomain(int row);

Q_SIGNALS:
    /*! The number of rows changed. \since 0.2 */
    void countChanged();
    /*! A connection was added or removed. \since 0.2 */
    void connectionsChanged();
    /*! statsInterval changed. \since 0.2 */
    void statsIntervalChanged();
    /*!
        The \a action on the domain \a name (\a uuid without braces) ended, successfully if
        \a succeeded is true. A failure was reported through errorOccurred() just before,
        so error() and errorString() describe it here.
        \since 0.2
    */
    void actionFinished(QVirtDomainModel::Action action, const QString &name, const QString &uuid,
                        bool succeeded);
    /*!
        Something failed: \a error says what, errorString() has the details; both are set
        when this is emitted.
        \since 0.2
    */
    void errorOccurred(QVirtDomainModel::Error error);

private:
    friend class QVirtDomainModelPrivate;
    Q_DISABLE_COPY_MOVE(QVirtDomainModel)
    const std::unique_ptr<QVirtDomainModelPrivate> d;
};

#endif // QTVIRT_QVIRTDOMAINMODEL_H
