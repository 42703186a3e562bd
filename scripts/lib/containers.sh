# Sourced by scripts that build and run container images with podman, on machines without a
# Docker engine and without a reachable container registry (this project's machines): Debian's
# podman, and a base image made locally from Debian's packages instead of pulled.

# Podman with the settings these machines need (runc, cgroupfs, vfs storage, ulimits a container
# may set here), kept in target/containers/ rather than in /etc. Installs podman when missing.
weft_use_podman() {
  local work="$PWD/target/containers" tool
  mkdir -p "$work"
  for tool in podman runc debootstrap; do
    command -v "$tool" >/dev/null 2>&1 || weft_apt_install podman runc debootstrap ||
      weft_die "$tool is missing: install podman, runc and debootstrap"
  done
  cat > "$work/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
CONF
  cat > "$work/storage.conf" <<CONF
[storage]
driver = "vfs"
runroot = "/run/containers/storage"
graphroot = "/var/lib/containers/storage"
CONF
  export CONTAINERS_CONF="$work/containers.conf" CONTAINERS_STORAGE_CONF="$work/storage.conf"
}

# The image the Dockerfiles start FROM, debian:bookworm-slim, made here when podman has none:
# a Debian 12 minbase from deb.debian.org (debootstrap, one to two minutes), imported and tagged
# with the name Docker Hub gives it, so that podman build finds it and pulls nothing.
weft_debian_slim_image() {
  local image=docker.io/library/debian:bookworm-slim work="$PWD/target/containers"
  podman image exists "$image" && return 0
  weft_say "making $image locally (debootstrap of Debian 12 minbase; no registry is needed)"
  local rootfs="$work/rootfs"
  rm -rf "$rootfs" && mkdir -p "$work"
  debootstrap --variant=minbase bookworm "$rootfs" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1 ||
    weft_die "debootstrap failed; see $work/debootstrap.log"
  # What the slim image leaves out too: package lists, caches, documentation.
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb \
    "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/*
  tar -C "$rootfs" -cf "$work/rootfs.tar" .
  podman import -q "$work/rootfs.tar" "$image" >/dev/null || weft_die "podman import of the Debian base failed"
  rm -rf "$rootfs" "$work/rootfs.tar"
}
