// Epstein's Model I under the parallel scheduler: the once-per-period work, sequential in its
// effect but parallel where that gives the same result: schedules, jail countdown, releases
// (off the lattice: in parallel, settled in list order), cop schedules.
#include <algorithm>

#include "core/site_map.hpp"
#include "models/epstein/parallel_model1.hpp"

namespace unrest::epstein {
namespace {

constexpr std::size_t kReleaseLookAhead = 8;    // releases ahead whose sites are prefetched
constexpr std::size_t kDormantChunk = 1 << 16;  // dormant entries per parallel task

}  // namespace

void ParallelModelI::begin_period(std::uint32_t period, core::RowBands& rows) {
  legitimacy_ = conditions_.set_legitimacy ? conditions_.legitimacy : params_.legitimacy.at(period);
  reinforcement_calls_ = 0;
  if (!params_.cop_density.segments().empty()) adjust_cops(period);
  std::vector<DormantAgent>& dormant = world_.dormant;
  // Jail terms count down; the served ones are listed per chunk, then in list order.
  const std::size_t chunks = (dormant.size() + kDormantChunk - 1) / kDormantChunk;
  std::vector<std::vector<std::size_t>> due_in(chunks);
  rows.each_range(dormant.size(), kDormantChunk, [&](std::size_t first, std::size_t last) {
    for (std::size_t i = first; i < last; ++i) {
      if (dormant[i].kind != AgentKind::citizen) continue;
      dormant[i].jail_left -= 1.0f;
      if (dormant[i].jail_left <= 0.0f) due_in[first / kDormantChunk].push_back(i);
    }
  });
  std::vector<std::size_t> due;
  for (const auto& d : due_in) due.insert(due.end(), d.begin(), d.end());
  std::vector<char> released(dormant.size(), 0);
  if (params_.jail_mode == JailMode::off_lattice) {
    release_anywhere(due, period, rows, released);
  } else {
    for (std::size_t k = 0; k < due.size(); ++k) {
      if (k + kReleaseLookAhead < due.size())
        prefetch_site(dormant[due[k + kReleaseLookAhead]].site);
      released[due[k]] = release(dormant[due[k]], period) ? 1 : 0;
    }
  }
  // Compacted in place, in order (a parallel compaction needs a second copy of the list, and
  // allocating it each period cost more than the few milliseconds it saved).
  std::size_t kept = 0;
  for (std::size_t i = 0; i < dormant.size(); ++i) {
    if (!released[i]) dormant[kept++] = dormant[i];
  }
  dormant.resize(kept);
}

void ParallelModelI::release_anywhere(const std::vector<std::size_t>& due, std::uint32_t period,
                                      core::RowBands& rows, std::vector<char>& released) {
  // The reference's rule, in list order: each release takes the first of its random probes
  // that is empty, as left by the releases before it. Releases only fill sites, so the first
  // probe that was empty before any release is the answer unless an earlier release took it.
  // Those first probes are found in parallel; the order is settled with a set of the sites
  // taken (no lattice writes); then the agents are placed in parallel, by rows.
  const std::vector<DormantAgent>& dormant = world_.dormant;
  std::vector<std::uint32_t> target(due.size(), kNoSite);
  rows.each_range(due.size(), kDormantChunk / 16, [&](std::size_t first, std::size_t last) {
    for (std::size_t k = first; k < last; ++k)
      target[k] = first_empty_probe(dormant[due[k]], period);
  });
  core::SiteMap taken;
  taken.reserve(due.size());
  for (std::size_t k = 0; k < due.size(); ++k) {
    if (target[k] == kNoSite || taken.find(target[k]) != core::SiteMap::kNone) {
      target[k] = site_for_release(dormant[due[k]], period, taken);
    }
    if (target[k] != kNoSite) taken.insert_or_assign(target[k], static_cast<std::uint32_t>(k));
  }
  // Placement by groups of rows that are whole tile rows: no two tasks share a bitmap word.
  constexpr int kRowsPerGroup = 16;
  const std::size_t groups =
      static_cast<std::size_t>((world_.height + kRowsPerGroup - 1) / kRowsPerGroup);
  std::vector<std::vector<std::size_t>> in_group(groups);
  for (std::size_t k = 0; k < due.size(); ++k) {
    if (target[k] == kNoSite) continue;
    in_group[static_cast<std::size_t>(position_of(target[k]).y / kRowsPerGroup)].push_back(k);
    released[due[k]] = 1;
  }
  rows.each_range(groups, 1, [&](std::size_t first, std::size_t last) {
    for (std::size_t g = first; g < last; ++g) {
      for (const std::size_t k : in_group[g]) {
        const DormantAgent& d = dormant[due[k]];
        place(target[k], AgentKind::citizen, d.id, {d.hardship, d.risk_aversion});
        stamp_[target[k]] = stamp_of(period - 1);
      }
    }
  });
}

std::uint32_t ParallelModelI::site_for_release(const DormantAgent& d, std::uint32_t period,
                                               const core::SiteMap& taken) const {
  // empty_site_anywhere() on the lattice as the releases before this one leave it.
  const auto is_empty = [&](std::uint32_t s) {
    return world_.occupant[s] == Occupant::empty && taken.find(s) == core::SiteMap::kNone;
  };
  core::Stream stream(seed_, core::Purpose::release, d.id, period);
  return empty_site_where(world_.site_count(), stream, is_empty);
}

std::uint32_t ParallelModelI::first_empty_probe(const DormantAgent& d, std::uint32_t period) const {
  // The draws empty_site_anywhere() makes first, from the same stream as release().
  core::Stream stream(seed_, core::Purpose::release, d.id, period);
  for (int t = 0; t < kAnywhereTries; ++t) {
    const std::uint32_t s = stream.below(world_.site_count());
    if (world_.occupant[s] == Occupant::empty) return s;
  }
  return kNoSite;
}

void ParallelModelI::prefetch_site(std::uint32_t site) const {
  if (site == kNoSite) return;
  __builtin_prefetch(&world_.occupant[site], 1);
  __builtin_prefetch(&world_.id[site], 1);
  __builtin_prefetch(&world_.hardship[site], 1);
  __builtin_prefetch(&world_.risk_aversion[site], 1);
  __builtin_prefetch(&stamp_[site], 1);
}

bool ParallelModelI::release(const DormantAgent& d, std::uint32_t period) {
  core::Stream stream(seed_, core::Purpose::release, d.id, period);
  std::uint32_t site = kNoSite;
  switch (params_.jail_mode) {
    case JailMode::stay_blocking:
      world_.occupant[d.site] = Occupant::quiet;  // it never left its site
      stamp_[d.site] = stamp_of(period - 1);
      return true;
    case JailMode::stay_invisible: {
      // Back to its own site if free, else near it (docs/models.md), else anywhere.
      const Position home = position_of(d.site);
      int x = home.x;
      int y = home.y;
      if (!lattice_.test(kBlocked, x, y) ||
          empty_site_near(lattice_, citizen_view_, x, y, stream)) {
        site = world_.site_at(x, y);
      } else {
        site = empty_site_anywhere(stream);
      }
      break;
    }
    case JailMode::off_lattice:
      site = empty_site_anywhere(stream);
      break;
  }
  if (site == kNoSite) return false;  // lattice full: stays jailed and tries again next period
  place(site, AgentKind::citizen, d.id, {d.hardship, d.risk_aversion});
  stamp_[site] = stamp_of(period - 1);
  return true;
}

std::uint32_t ParallelModelI::empty_site_anywhere(core::Stream& stream) const {
  return epstein::empty_site_anywhere(world_, stream);
}

void ParallelModelI::adjust_cops(std::uint32_t period) {
  LatticeWorld& w = world_;
  const std::uint64_t target = count_for_density(params_.cop_density.at(period), w.site_count());
  if (cops_on_duty_ == target) return;
  core::Stream stream(seed_, core::Purpose::cop_schedule, 0, period);
  auto on_duty = withdraw_cops(w, target, stream, [&](std::uint32_t id, std::uint32_t site) {
    vacate_bits(position_of(site));
    w.occupant[site] = Occupant::empty;
    w.dormant.push_back({id, kNoSite, 0.0f, 0.0f, 0.0f, AgentKind::cop});
  });
  // New cops go to uniformly chosen empty sites, reusing the lowest withdrawn ids first.
  std::vector<std::uint32_t> withdrawn;
  for (const DormantAgent& d : w.dormant) {
    if (d.kind == AgentKind::cop) withdrawn.push_back(d.id);
  }
  std::sort(withdrawn.begin(), withdrawn.end());
  std::size_t reused = 0;
  for (std::size_t n = on_duty.size(); n < target; ++n) {
    const std::uint32_t site = empty_site_anywhere(stream);
    if (site == kNoSite) break;
    const std::uint32_t id = reused < withdrawn.size() ? withdrawn[reused++] : w.next_id++;
    place(site, AgentKind::cop, id, {});
    stamp_[site] = stamp_of(period - 1);
    on_duty.emplace_back(id, site);
  }
  const auto first_kept = withdrawn.begin() + static_cast<std::ptrdiff_t>(reused);
  std::erase_if(w.dormant, [&](const DormantAgent& d) {
    return d.kind == AgentKind::cop && std::binary_search(withdrawn.begin(), first_kept, d.id);
  });
  cops_on_duty_ = on_duty.size();
}

}  // namespace unrest::epstein
