# SPDX-License-Identifier: BSL-1.0
# An overlay port that builds from the checkout it sits in:
#   vcpkg install typed-metrics --overlay-ports=<checkout>/ports
# Header-only: one release configuration, no debug tree.
set(VCPKG_BUILD_TYPE release)
get_filename_component(SOURCE_PATH "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)

vcpkg_cmake_configure(SOURCE_PATH "${SOURCE_PATH}" OPTIONS -DBUILD_TESTING=OFF -DTYPED_METRICS_INSTALL=ON)
vcpkg_cmake_install()
# The package installs its config in share/cmake/typed_metrics; vcpkg wants
# share/typed_metrics.
vcpkg_cmake_config_fixup(PACKAGE_NAME typed_metrics CONFIG_PATH share/cmake/typed_metrics)
vcpkg_fixup_pkgconfig()

file(INSTALL "${SOURCE_PATH}/LICENSE" DESTINATION "${CURRENT_PACKAGES_DIR}/share/${PORT}" RENAME copyright)
file(INSTALL "${CMAKE_CURRENT_LIST_DIR}/usage" DESTINATION "${CURRENT_PACKAGES_DIR}/share/${PORT}")
