# SPDX-License-Identifier: BSL-1.0
# Conan 2 recipe: `conan create .` packages the headers and runs
# test_package/, which builds tests/package/consumer/ against them.
import os

from conan import ConanFile
from conan.tools.build import check_min_cppstd
from conan.tools.files import copy
from conan.tools.layout import basic_layout


class TypedMetricsConan(ConanFile):
    name = "typed-metrics"
    version = "0.1.0"
    description = "Typed, zero-overhead per-unit-of-work metrics (C++20, header-only)"
    license = "BSL-1.0"
    package_type = "header-library"
    settings = "os", "arch", "compiler", "build_type"
    exports_sources = "include/*", "LICENSE"
    no_copy_source = True

    def layout(self):
        basic_layout(self, src_folder=".")

    def requirements(self):
        # Boost.Hana is header-only; the headers include it.
        self.requires("boost/[>=1.74]", transitive_headers=True, options={"header_only": True})

    def validate(self):
        check_min_cppstd(self, 20)

    def package_id(self):
        self.info.clear()

    def package(self):
        copy(self, "LICENSE", self.source_folder, os.path.join(self.package_folder, "licenses"))
        copy(self, "*.hpp", os.path.join(self.source_folder, "include"), os.path.join(self.package_folder, "include"))

    def package_info(self):
        # The names the CMake package of this project uses.
        self.cpp_info.set_property("cmake_file_name", "typed_metrics")
        self.cpp_info.set_property("cmake_target_name", "typed_metrics::typed_metrics")
        self.cpp_info.set_property("pkg_config_name", "typed_metrics")
        self.cpp_info.bindirs = []
        self.cpp_info.libdirs = []
