// `unrest query STORE "SQL"` and `unrest export STORE --format csv|json`: the results store is
// for others to read too. Both open the store query-only, so no statement can change it.
#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "io/atomic_file.hpp"
#include "io/csv_field.hpp"
#include "store/results_store.hpp"

namespace unrest::cli {
namespace {

namespace fs = std::filesystem;

std::string csv_cell(const std::optional<std::string>& value) {
  return value ? io::csv_field(*value) : std::string();
}

std::string as_csv(const store::QueryResult& result) {
  std::string out;
  for (std::size_t i = 0; i < result.columns.size(); ++i) {
    if (i > 0) out += ',';
    out += csv_cell(result.columns[i]);
  }
  out += '\n';
  for (const auto& row : result.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += ',';
      out += csv_cell(row[i]);
    }
    out += '\n';
  }
  return out;
}

// Rows as JSON objects; numbers stay numbers (SQLite's text of a number parses back exactly).
nlohmann::ordered_json as_json(const store::QueryResult& result) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const auto& row : result.rows) {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (!row[i]) {
        object[result.columns[i]] = nullptr;
        continue;
      }
      const nlohmann::ordered_json number = nlohmann::ordered_json::parse(*row[i], nullptr, false);
      object[result.columns[i]] = number.is_number() ? number : nlohmann::ordered_json(*row[i]);
    }
    rows.push_back(std::move(object));
  }
  return rows;
}

struct QueryArgs {
  std::string store;
  std::string sql;
  std::string format = "csv";
};

struct ExportArgs {
  std::string store;
  std::string format = "csv";
  std::string out;
};

}  // namespace

Action add_query(CLI::App& app) {
  auto* cmd =
      app.add_subcommand("query", "Run read-only SQL on a results store and print the rows");
  auto args = std::make_shared<QueryArgs>();
  cmd->add_option("store", args->store, "Results store (.db)")->required();
  cmd->add_option("sql", args->sql,
                  "SQL, e.g. \"SELECT regime, count(*) FROM outcomes GROUP BY 1\"")
      ->required();
  cmd->add_option("--format", args->format, "csv or json")->check(CLI::IsMember({"csv", "json"}));
  return [args] {
    const store::ResultsStore results = store::ResultsStore::open_read_only(args->store);
    const store::QueryResult rows = results.query(args->sql);
    if (args->format == "json") {
      fmt::print("{}\n", as_json(rows).dump(2));
    } else {
      fmt::print("{}", as_csv(rows));
    }
    return 0;
  };
}

Action add_export(CLI::App& app) {
  auto* cmd = app.add_subcommand("export", "Write every table of a results store as CSV or JSON");
  auto args = std::make_shared<ExportArgs>();
  cmd->add_option("store", args->store, "Results store (.db)")->required();
  cmd->add_option("--format", args->format,
                  "csv (one file per table in a directory) or json (one file)")
      ->required()
      ->check(CLI::IsMember({"csv", "json"}));
  cmd->add_option("--out", args->out,
                  "Directory for csv (default: STORE without .db, plus -csv), file for json "
                  "(default: STORE with .json)");
  return [args] {
    const store::ResultsStore results = store::ResultsStore::open_read_only(args->store);
    fs::path out = args->out;
    if (out.empty()) {
      out = args->store;
      out.replace_extension(args->format == "json" ? ".json" : "");
      if (args->format == "csv") out += "-csv";
    }
    if (args->format == "json") {
      nlohmann::ordered_json all = nlohmann::ordered_json::object();
      for (const std::string& table : store::ResultsStore::tables()) {
        all[table] = as_json(results.query(fmt::format("SELECT * FROM {}", table)));
      }
      io::write_file_atomically(out, all.dump(1) + "\n");
    } else {
      io::prepare_output_directory(out, true);
      for (const std::string& table : store::ResultsStore::tables()) {
        io::write_file_atomically(out / (table + ".csv"),
                                  as_csv(results.query(fmt::format("SELECT * FROM {}", table))));
      }
    }
    fmt::print("{}\n", out.string());
    return 0;
  };
}

}  // namespace unrest::cli
