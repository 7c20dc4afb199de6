// Reading declared parameters from TOML nodes and writing them back as TOML text, shared by the
// Epstein and country loaders and their renderers. Internal to the scenario layer (it includes
// toml++); every bad value is an InputError "ORIGIN: key 'KEY': expected ALLOWED, got VALUE".
#pragma once

#include <toml++/toml.h>

#include <string>

#include "scenario/parameters.hpp"

namespace unrest::scenario {

// Throws InputError "ORIGIN: key 'KEY': WHAT" (or "ORIGIN: WHAT" when key is empty).
[[noreturn]] void fail(const std::string& origin, const std::string& key, const std::string& what);
// "FILE:LINE" of a node, or FILE where the node has no position.
std::string at_line(const std::string& source, const toml::node& node);
// A node as the user wrote it, for messages: 0.5, "mesa", a table, an array.
std::string shown(const toml::node& node);
// Throws "ORIGIN: key 'KEY': expected ALLOWED, got NODE".
[[noreturn]] void wrong(const std::string& origin, const ParamSpec& spec, const toml::node& node);
// The node's value as the declared type, checked against the declared range and choices.
Value convert(const ParamSpec& spec, const toml::node& node, const std::string& origin);
// Parses TOML text; a syntax error is an InputError "SOURCE:LINE:COLUMN: malformed TOML: ...".
toml::table parse_toml(const std::string& source, const std::string& text);

// TOML text of a value: 0.5, 30.0, inf, "mesa", true, an array of schedule segments.
std::string value_text(const Value& value);
// A key as `unrest show` prints it: a comment with its description, unit, range and default,
// then `name = value`.
std::string documented_key(const ParamSpec& spec, const Value& value);
// A TOML basic string, escaped.
std::string quoted(const std::string& s);
// A real as TOML: always with a '.', an exponent or inf.
std::string real_text(double v);

}  // namespace unrest::scenario
