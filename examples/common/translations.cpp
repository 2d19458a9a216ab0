// SPDX-License-Identifier: LGPL-2.1-or-later
#include "translations.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QLibraryInfo>
#include <QtCore/QLocale>
#include <QtCore/QTranslator>

namespace {

void load(QCoreApplication *app, const QString &catalogue, const QString &directory)
{
    auto *translator = new QTranslator(app);
    if (translator->load(QLocale(), catalogue, QStringLiteral("_"), directory))
        QCoreApplication::installTranslator(translator);
    else
        delete translator;
}

} // namespace

void ExampleTranslations::install(QCoreApplication *app, const QString &programCatalogue)
{
    load(app, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    // The resource prefixes given to qtvirt_add_translations().
    load(app, QStringLiteral("qtvirt"), QStringLiteral(":/qtvirt/i18n"));
    load(app, programCatalogue, QStringLiteral(":/i18n"));
}
