#pragma once

#include "common/TextPosition.h"

#include <QByteArray>
#include <QStringView>

#include <optional>

namespace handoff::flow {

// Line and column in the one unit of the product (characters; see common/TextPosition.h).
using TextPosition = handoff::text::TextPosition;

// Finds where a field path ("flow.actions[3].props.mode", "scenarios[0].at", "trunk.encoding") sits in a JSON text,
// so that a problem about a field can be shown as file:line:col. Points at the member's key (or the array element).
// std::nullopt when the text does not parse that far or the path is not there; the nearest existing parent is
// returned instead when `nearest` is set.
std::optional<TextPosition> locateJsonPath(const QByteArray& json, QStringView path, bool nearest = true);

} // namespace handoff::flow
