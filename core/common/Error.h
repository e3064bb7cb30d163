#pragma once

#include <QString>

#include <tl/expected.hpp>

namespace handoff {

// A failure a caller can act on: a stable code that tests and scripts match, and a message for a person that says
// what to do next.
struct Error {
    QString code;
    QString message;
    QString field{}; // where in the input, when the failure is about one field of it (a JSON path); may be empty
};

template <typename T>
using Result = tl::expected<T, Error>;

inline tl::unexpected<Error> fail(QString code, QString message) {
    return tl::unexpected<Error>(Error{std::move(code), std::move(message)});
}

inline tl::unexpected<Error> failAt(QString code, QString message, QString field) {
    return tl::unexpected<Error>(Error{std::move(code), std::move(message), std::move(field)});
}

} // namespace handoff
