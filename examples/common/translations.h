// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_EXAMPLES_COMMON_TRANSLATIONS_H
#define QTVIRT_EXAMPLES_COMMON_TRANSLATIONS_H

#include <QtCore/QString>

class QCoreApplication;

namespace ExampleTranslations {

// Installs the translations for the user's locale (LANGUAGE, LC_ALL,
// LC_MESSAGES, LANG): Qt's own where installed (for QCommandLineParser's
// texts), the library's (embedded in QtVirtCore) and the program's
// catalogue (embedded in the program, see cmake/QtVirtTranslations.cmake).
// A missing catalogue leaves its texts in English.
void install(QCoreApplication *app, const QString &programCatalogue);

} // namespace ExampleTranslations

#endif // QTVIRT_EXAMPLES_COMMON_TRANSLATIONS_H
