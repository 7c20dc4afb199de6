// A thin RAII layer over SQLite's C API: a connection and prepared statements whose failures
// become StoreError with SQLite's message and the store's path. Nothing here knows the schema.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "io/atomic_file.hpp"

namespace unrest::store {

// A store that cannot be opened, is busy, is not ours, or fails to write. Reported like other
// output errors: one line, exit status 2.
class StoreError : public io::OutputError {
 public:
  using io::OutputError::OutputError;
};

class Statement;

class Database {
 public:
  enum class Mode { read_write_create, read_write, read_only };
  Database(const std::filesystem::path& path, Mode mode);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  Database(Database&& other) noexcept;
  Database& operator=(Database&&) = delete;

  // Runs one or more statements that return no rows.
  void execute(const std::string& sql);
  // Runs `body` between `begin` ("BEGIN IMMEDIATE", "BEGIN EXCLUSIVE") and COMMIT; if it throws,
  // rolls back and rethrows, so that none of its writes remain.
  template <class Body>
  void in_transaction(const std::string& begin, Body&& body) {
    execute(begin);
    try {
      body();
      execute("COMMIT");
    } catch (...) {
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
  }
  Statement prepare(const std::string& sql);
  // Throws StoreError naming the store, what was being done and SQLite's message.
  [[noreturn]] void fail(const std::string& doing, int code) const;
  const std::filesystem::path& path() const { return path_; }
  sqlite3* handle() const { return db_; }

 private:
  std::filesystem::path path_;
  sqlite3* db_ = nullptr;
};

class Statement {
 public:
  Statement(Database& db, const std::string& sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;

  // Binds parameters 1, 2, ... in order; reset() starts again.
  Statement& bind(std::int64_t value);
  Statement& bind(double value);
  Statement& bind(const std::string& value);
  Statement& bind_null();
  // Advances: true while a row is available.
  bool step();
  // Runs a statement that returns no rows, then resets it for the next binding.
  void run();
  void reset();

  int columns() const;
  std::string column_name(int i) const;
  bool is_null(int i) const;
  std::int64_t integer(int i) const;
  double real(int i) const;
  std::string text(int i) const;

 private:
  Database* db_;
  sqlite3_stmt* stmt_ = nullptr;
  int next_ = 1;
};

}  // namespace unrest::store
