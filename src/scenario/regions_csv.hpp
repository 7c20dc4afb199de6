// Reads a country's regions from CSV (the columns of data/kazakhstan/regions.csv) into a
// country::Geography, validated: every column present, ids unique, populations and areas
// positive, coordinates on the globe, neighbours known, not the region itself, and mutual.
// A bad file becomes an InputError naming the file, the line, the column and what is allowed.
#pragma once

#include <string>

#include "country/geography.hpp"

namespace unrest::scenario {

country::Geography load_regions_csv(const std::string& path);
// The same from text already read; `name` (a path, or "builtin:data/...") names it in messages.
country::Geography read_regions_csv(const std::string& name, const std::string& text);

}  // namespace unrest::scenario
