// SPDX-License-Identifier: LGPL-2.1-or-later
//
// The .ts files in translations/ against the sources: lupdate, run on a copy
// with the catalogue's own list of sources (cmake/QtVirtTranslations.cmake),
// must find nothing new, nothing vanished and nothing left to translate.

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QTemporaryDir>
#include <QtCore/QXmlStreamReader>
#include <QtTest/QTest>

#include <algorithm>

namespace {

struct Message
{
    QString context;
    QString source;
    QString comment;
    QString type;             // empty when finished; unfinished, vanished or obsolete
    QStringList translations; // one per numerus form, or one

    QString key() const { return context + u'|' + source + u'|' + comment; }
};

// The messages of a .ts file, or an error in *error.
QList<Message> readCatalogue(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QString context;
    QXmlStreamReader xml(&file);
    while (xml.readNextStartElement()) {
        if (xml.name() == u"TS")
            continue;
        if (xml.name() != u"context") {
            xml.skipCurrentElement();
            continue;
        }
        while (xml.readNextStartElement()) {
            if (xml.name() == u"name") {
                context = xml.readElementText();
                continue;
            }
            if (xml.name() != u"message") {
                xml.skipCurrentElement();
                continue;
            }
            Message message;
            message.context = context;
            while (xml.readNextStartElement()) {
                if (xml.name() == u"source") {
                    message.source = xml.readElementText();
                } else if (xml.name() == u"comment") {
                    message.comment = xml.readElementText();
                } else if (xml.name() == u"translation") {
                    message.type = xml.attributes().value(QLatin1StringView("type")).toString();
                    QString text;
                    while (xml.readNext() != QXmlStreamReader::EndElement && !xml.hasError()) {
                        if (xml.isCharacters())
                            text += xml.text();
                        else if (xml.isStartElement() && xml.name() == u"numerusform")
                            message.translations << xml.readElementText();
                    }
                    if (message.translations.isEmpty())
                        message.translations << text;
                } else {
                    xml.skipCurrentElement();
                }
            }
            messages << message;
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%(?:[1-9][0-9]?|n)"));
    QStringList found;
    for (const QRegularExpressionMatch &match : pattern.globalMatch(text))
        found << match.captured();
    found.sort();
    found.removeDuplicates();
    return found;
}

QString describe(const Message &message)
{
    return QStringLiteral("  [%1] %2: \"%3\"")
        .arg(message.type.isEmpty() ? QStringLiteral("finished") : message.type, message.context,
             message.source.left(70));
}

QStringList catalogueFiles()
{
    return QDir(QStringLiteral(QTVIRT_TRANSLATIONS_DIR))
        .entryList({QStringLiteral("*.ts")}, QDir::Files, QDir::Name);
}

} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyCatalogueHasAllLanguages();
    void catalogueMatchesSources_data();
    void catalogueMatchesSources();
    void translationsKeepPlaceholders_data();
    void translationsKeepPlaceholders();
};

void tst_Translations::everyCatalogueHasAllLanguages()
{
    const QStringList files = catalogueFiles();
    QVERIFY2(!files.isEmpty(), QTVIRT_TRANSLATIONS_DIR " holds no .ts file");
    QStringList catalogues;
    for (const QString &file : files)
        catalogues << file.section(u'_', 0, -2);
    catalogues.removeDuplicates();
    for (const QString &catalogue : std::as_const(catalogues)) {
        for (const char *language : {"de", "fr"}) {
            const QString name = catalogue + u'_' + QLatin1StringView(language) + u".ts";
            QVERIFY2(files.contains(name), qPrintable(name + u" is missing"));
        }
    }
}

void tst_Translations::catalogueMatchesSources_data()
{
    QTest::addColumn<QString>("file");
    for (const QString &file : catalogueFiles())
        QTest::newRow(qPrintable(file)) << file;
}

void tst_Translations::catalogueMatchesSources()
{
    QFETCH(QString, file);
    const QString catalogue = file.section(u'_', 0, -2);
    const QString list
        = QStringLiteral(QTVIRT_CATALOGUE_LIST_DIR "/") + catalogue + QStringLiteral(".lst");
    QVERIFY2(QFile::exists(list),
             qPrintable(u"no " + list + u": the catalogue " + catalogue
                        + u" is not part of the build (qtvirt_add_translations)"));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString original = QStringLiteral(QTVIRT_TRANSLATIONS_DIR "/") + file;
    const QString copy = dir.filePath(file);
    QVERIFY(QFile::copy(original, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

    // As the build's update_translations runs it, but keeping what vanished
    // from the sources, so that it shows.
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(QTVIRT_LUPDATE),
                  {QStringLiteral("-locations"), QStringLiteral("none"), u'@' + list,
                   QStringLiteral("-ts"), copy});
    QVERIFY(lupdate.waitForFinished(120000));
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
             lupdate.readAll().constData());

    QString error;
    const QList<Message> before = readCatalogue(original, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QList<Message> after = readCatalogue(copy, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(!after.isEmpty(), "lupdate found no message at all");

    QStringList problems;
    QStringList beforeKeys;
    for (const Message &message : before)
        beforeKeys << message.key();
    for (const Message &message : after) {
        if (!message.type.isEmpty() || !beforeKeys.contains(message.key()))
            problems << describe(message);
    }
    for (const Message &message : after) {
        const bool empty = std::any_of(message.translations.cbegin(), message.translations.cend(),
                                       [](const QString &t) { return t.isEmpty(); });
        if (message.type.isEmpty() && empty)
            problems << describe(message) + QStringLiteral(" (empty translation)");
    }
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("%1 is stale or unfinished; run the build's "
                                       "update_translations target and translate:\n%2")
                            .arg(file, problems.join(u'\n'))));
}

void tst_Translations::translationsKeepPlaceholders_data()
{
    catalogueMatchesSources_data();
}

void tst_Translations::translationsKeepPlaceholders()
{
    QFETCH(QString, file);
    QString error;
    const QList<Message> messages
        = readCatalogue(QStringLiteral(QTVIRT_TRANSLATIONS_DIR "/") + file, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList problems;
    for (const Message &message : messages) {
        for (const QString &translation : message.translations) {
            if (!translation.isEmpty() && placeholders(translation) != placeholders(message.source))
                problems << describe(message) + u" -> \"" + translation + u'"';
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
