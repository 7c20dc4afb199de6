// Reads a country's regions from CSV (the columns of data/kazakhstan/regions.csv) into a
// country::Geography, validated: every column present, ids unique, populations and areas
// positive, coordinates on the globe, neighbours known, not the region itself, and mutual.
// A bad file becomes an InputError naming the file, the line, the column and what is allowed.
#pragma once

#include <string>

#include "country/geography.hpp"

namespace unrest::scenario {

country::Geography load_regions_csv(const std::string& path);

}  // namespace unrest::scenario
