// Reading the project's CSV data files (regions, events) with libfccp: header-named columns,
// quoted fields with commas, surrounding blanks trimmed. Errors name the file, line and column.
#pragma once

#include <fmt/format.h>

#define CSV_IO_NO_THREAD  // read in the calling thread: nothing to gain for small files
// The library copies file names with strncpy into a fixed buffer, by design.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-truncation"
#include <libfccp/csv.h>
#pragma GCC diagnostic pop

#include <string>

#include "scenario/scenario.hpp"

namespace unrest::scenario {

template <unsigned kColumns>
using CsvReader =
    io::CSVReader<kColumns, io::trim_chars<' ', '\t'>, io::double_quote_escape<',', '"'>>;

// An InputError for a column missing from the header (line 1): "FILE:1: column 'C': ...".
[[noreturn]] inline void csv_missing_column(const std::string& path, const std::string& column) {
  throw InputError(fmt::format("{}:1: column '{}': missing from the header", path, column));
}

// An InputError for a bad value: "FILE:LINE: column 'C': WHAT".
[[noreturn]] inline void csv_fail(const std::string& path, unsigned line, const std::string& column,
                                  const std::string& what) {
  throw InputError(fmt::format("{}:{}: column '{}': {}", path, line, column, what));
}

}  // namespace unrest::scenario
