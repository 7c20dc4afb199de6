// Ensembles across MPI ranks and nodes. Started by mpirun, rank 0 is the coordinator: it owns
// the results store and hands out runs one at a time to the other ranks (dynamic scheduling,
// so slow runs do not stall the rest); a worker runs a job and sends back its result
// (ensemble/result_codec.hpp), which the coordinator writes. A run depends only on its scenario
// and seed, so the store is the same as a single process's. Without mpirun nothing here starts
// MPI, and one process runs everything (ensemble/runner.hpp).
#pragma once

#include <vector>

#include "ensemble/runner.hpp"

namespace unrest::mpi {

// MPI for the life of the process, when it was started by mpirun (Open MPI, MPICH or PMIx
// environment); otherwise inactive.
class Session {
 public:
  Session(int& argc, char**& argv);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
};

// This process's rank and the number of ranks (0 and 1 without MPI).
int rank();
int size();
// Whether more than one rank runs.
inline bool distributed() {
  return size() > 1;
}

// Rank 0 says whether the study goes on (it opened the store); every rank returns that answer.
bool broadcast_go(bool go);

// Rank 0: hands `jobs` out to the workers, calls `done` for each result (in the order they
// arrive), and returns when every job is done; rethrows a worker's or done's failure after
// stopping every worker. Other ranks: run the jobs they are sent with `threads_per_run`
// threads until told to stop; `jobs` and `done` are not used there.
void run_jobs_distributed(const std::vector<scenario::CountryScenario>& scenarios,
                          const std::vector<ensemble::Job>& jobs, unsigned threads_per_run,
                          const ensemble::JobDone& done);

}  // namespace unrest::mpi
