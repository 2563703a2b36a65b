package io.github.m365kit.testkit;

import io.github.m365kit.memory.InMemoryOnPremDirectory;
import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.DistinguishedName;
import io.github.m365kit.spi.OnPremDirectory;
import java.util.List;

/** Runs the on-prem directory contract against the in-memory backend shipped in core. */
class InMemoryOnPremDirectoryTest extends OnPremDirectoryContract {
  @Override
  protected OnPremDirectory newDirectory(List<AdUser> seed, List<DistinguishedName> containers) {
    InMemoryOnPremDirectory d = new InMemoryOnPremDirectory(BASE);
    containers.forEach(d::addContainer);
    seed.forEach(d::add);
    return d;
  }
}
