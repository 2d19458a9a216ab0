// SPDX-License-Identifier: LGPL-2.1-or-later
#ifndef QTVIRT_CONNECTION_LIBVIRTALLOCATIONS_H
#define QTVIRT_CONNECTION_LIBVIRTALLOCATIONS_H

#include <QtCore/QString>

#include <cstdlib>
#include <vector>

// What libvirt allocates and leaves to its caller to free(): strings (an
// XML description, a path, a MIME type) and the arrays of object
// references its virConnectListAll*() calls return.

// The text of a string libvirt allocated, which is freed.
inline QString takeLibvirtString(char *text)
{
    QString string = QString::fromUtf8(text);
    std::free(text); // NOLINT(cppcoreguidelines-no-malloc): libvirt allocated it
    return string;
}

// Takes over count references from an array libvirt allocated, which is
// freed: each is released by its Handle from then on.
template<typename Handle, typename Raw> std::vector<Handle> adoptLibvirtArray(Raw *items, int count)
{
    std::vector<Handle> owned;
    owned.reserve(count > 0 ? std::size_t(count) : 0);
    for (int i = 0; i < count; ++i)
        owned.emplace_back(items[i]); // NOLINT(cppcoreguidelines-pro-bounds-pointer-arithmetic)
    std::free(items);                 // NOLINT(cppcoreguidelines-no-malloc): libvirt allocated it
    return owned;
}

#endif // QTVIRT_CONNECTION_LIBVIRTALLOCATIONS_H
