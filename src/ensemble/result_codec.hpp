// A run's result as bytes (MessagePack, through nlohmann::json), so that a worker rank can send
// it to the rank that writes the store. Every number crosses exactly: doubles as IEEE binary64,
// so the store's rows are the same whichever rank ran the run.
#pragma once

#include <cstdint>
#include <vector>

#include "ensemble/replicates.hpp"
#include "run/country_run.hpp"

namespace unrest::ensemble {

std::vector<std::uint8_t> encode_result(const Job& job, const run::CountryRunResult& result);
// Throws std::runtime_error on bytes that encode_result did not write.
run::CountryRunResult decode_result(const std::vector<std::uint8_t>& bytes, Job& job);

}  // namespace unrest::ensemble
