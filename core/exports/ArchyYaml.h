#pragma once

#include "flow/Flow.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace YAML {
class Emitter;
class Node;
} // namespace YAML

// Shared by the Archy export and import (core/exports): the key of each action kind, the keys no public example
// confirms, and YAML <-> JSON for what is kept as it was.
namespace handoff::exports::archy {

QString archyKeyOf(flow::ActionKind kind); // "callData", "setUUIData", ...; empty for Opaque
std::optional<flow::ActionKind> kindOfArchyKey(const QString& key);
bool isAssumedKey(const QString& key);
QStringList assumedKeys();

// "string", "integer", "decimal", "boolean": Update Data statement types and, with "Variable", variable types.
QString statementTypeOf(flow::ValueType type);
std::optional<flow::ValueType> valueTypeOfStatement(const QString& type);

QString taskRef(const QString& refId); // "/inboundCall/tasks/task[<refId>]"

// A string a YAML 1.1 reader would resolve to something else when written plain (yes, no, on, off, true, null, ~,
// numbers): such strings are written double-quoted.
bool isAmbiguousPlain(const QString& text);
// A Boolean or a number written as an expression ("true", "42", "1.5").
bool isPlainLiteral(const QString& expression);
QJsonValue plainScalarToJson(const QString& text);

void emitString(YAML::Emitter& out, const QString& text);
void emitJson(YAML::Emitter& out, const QJsonValue& value);

// A YAML node in JSON form: plain true/false and numbers as JSON Booleans and numbers, quoted scalars as strings,
// null as null. A key that is not a scalar cannot be represented: reported through `badKey` (with the key's node).
QJsonValue yamlToJson(const YAML::Node& node, const std::function<void(const YAML::Node&)>& badKey);

} // namespace handoff::exports::archy
