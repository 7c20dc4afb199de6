#include "mpi/distributed.hpp"

#include <mpi.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <stdexcept>
#include <string>
#include <thread>

#include "ensemble/result_codec.hpp"

namespace unrest::mpi {
namespace {

enum Tag : int { kReady = 1, kJob = 2, kStop = 3, kResult = 4, kError = 5 };

bool g_active = false;
int g_rank = 0;
int g_size = 1;

bool started_by_mpirun() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK"}) {
    if (std::getenv(name) != nullptr) return true;
  }
  return false;
}

void send_job(int to, const ensemble::Job& job) {
  const std::array<std::uint64_t, 3> fields{job.scenario, job.replicate, job.seed};
  MPI_Send(fields.data(), 3, MPI_UINT64_T, to, kJob, MPI_COMM_WORLD);
}

// The coordinator waits by polling, so that it leaves the core to a worker on the same node.
MPI_Status wait_for_message() {
  MPI_Status status{};
  int ready = 0;
  for (;;) {
    MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &ready, &status);
    if (ready != 0) return status;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

void coordinate(const std::vector<ensemble::Job>& jobs, const ensemble::JobDone& done) {
  std::size_t next = 0;
  int working = g_size - 1;
  std::exception_ptr failure;
  while (working > 0) {
    const MPI_Status status = wait_for_message();
    int count = 0;
    MPI_Get_count(&status, MPI_BYTE, &count);
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(count));
    MPI_Recv(bytes.data(), count, MPI_BYTE, status.MPI_SOURCE, status.MPI_TAG, MPI_COMM_WORLD,
             MPI_STATUS_IGNORE);
    if (status.MPI_TAG == kResult && !failure) {
      try {
        ensemble::Job job;
        const run::CountryRunResult result = ensemble::decode_result(bytes, job);
        done(job, result);
      } catch (...) {
        failure = std::current_exception();
      }
    } else if (status.MPI_TAG == kError && !failure) {
      failure = std::make_exception_ptr(
          std::runtime_error("rank " + std::to_string(status.MPI_SOURCE) + ": " +
                             std::string(bytes.begin(), bytes.end())));
    }
    if (!failure && next < jobs.size()) {
      send_job(status.MPI_SOURCE, jobs[next++]);
    } else {
      MPI_Send(nullptr, 0, MPI_UINT64_T, status.MPI_SOURCE, kStop, MPI_COMM_WORLD);
      --working;
    }
  }
  if (failure) std::rethrow_exception(failure);
}

void work(const std::vector<scenario::CountryScenario>& scenarios, unsigned threads) {
  MPI_Send(nullptr, 0, MPI_BYTE, 0, kReady, MPI_COMM_WORLD);
  for (;;) {
    std::array<std::uint64_t, 3> fields{};
    MPI_Status status{};
    MPI_Recv(fields.data(), 3, MPI_UINT64_T, 0, MPI_ANY_TAG, MPI_COMM_WORLD, &status);
    if (status.MPI_TAG == kStop) return;
    const ensemble::Job job{static_cast<std::size_t>(fields[0]),
                            static_cast<std::uint32_t>(fields[1]), fields[2]};
    std::vector<std::uint8_t> bytes;
    int tag = kResult;
    try {
      scenario::CountryScenario s = scenarios.at(job.scenario);
      s.seed = job.seed;
      bytes = ensemble::encode_result(job, run::run_country(s, {}, {.threads = threads}));
    } catch (const std::exception& e) {
      const std::string message = e.what();
      bytes.assign(message.begin(), message.end());
      tag = kError;
    }
    MPI_Send(bytes.data(), static_cast<int>(bytes.size()), MPI_BYTE, 0, tag, MPI_COMM_WORLD);
  }
}

}  // namespace

Session::Session(int& argc, char**& argv) {
  if (!started_by_mpirun()) return;
  int provided = 0;
  MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
  g_active = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &g_rank);
  MPI_Comm_size(MPI_COMM_WORLD, &g_size);
}

Session::~Session() {
  if (g_active) MPI_Finalize();
}

int rank() {
  return g_rank;
}

int size() {
  return g_size;
}

bool broadcast_go(bool go) {
  int flag = go ? 1 : 0;
  if (g_active) MPI_Bcast(&flag, 1, MPI_INT, 0, MPI_COMM_WORLD);
  return flag != 0;
}

void run_jobs_distributed(const std::vector<scenario::CountryScenario>& scenarios,
                          const std::vector<ensemble::Job>& jobs, unsigned threads_per_run,
                          const ensemble::JobDone& done) {
  if (g_rank == 0) {
    coordinate(jobs, done);
  } else {
    work(scenarios, threads_per_run);
  }
}

}  // namespace unrest::mpi
