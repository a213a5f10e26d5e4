# Packaging: what `cmake --install` puts where on a Linux desktop, and the Debian package CPack
# builds from it (`cpack -G DEB` in the build directory). Included at the end of the top-level
# CMakeLists.txt, once every target exists.
#
#   usr/bin/ctxscope, usr/bin/ctxscope-cli
#   usr/share/applications/ctxscope.desktop           (app/gui/CMakeLists.txt installs it)
#   usr/share/icons/hicolor/<size>/apps/ctxscope.png  16 … 256 (256 from app/gui/CMakeLists.txt)
#   usr/share/metainfo/io.github.ctxscope.metainfo.xml
#   usr/share/mime/packages/ctxscope.xml              application/x-ctxscope+json, *.ctxscope.json
#   usr/share/ctxscope/lessons/, usr/share/ctxscope/examples/
#
# The app does not read the lessons or the default example from share/: they are compiled into
# it (qrc, app/gui/study/CMakeLists.txt), so it runs from the build tree or from anywhere. The
# copies in share/ctxscope are there to be opened, copied and changed: with the MIME type, a
# double click in the file manager opens one in ctxscope.
include(GNUInstallDirs)

set(_res ${PROJECT_SOURCE_DIR}/resources)

if(TARGET ctxscope-cli)
    install(TARGETS ctxscope-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

if(CTXSCOPE_BUILD_GUI)
    # The app itself, its .desktop file and the 256 px icon are installed by app/gui/CMakeLists.txt.
    foreach(size 16 32 48 64 128)
        install(FILES ${_res}/icons/ctxscope-${size}.png
                DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
                RENAME ctxscope.png)
    endforeach()
    install(FILES ${_res}/io.github.ctxscope.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(FILES ${_res}/mime/ctxscope.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages)
endif()

file(GLOB _lessons ${_res}/lessons/*.ctxscope.json)
install(FILES ${_lessons} ${_res}/lessons/index.json DESTINATION ${CMAKE_INSTALL_DATADIR}/ctxscope/lessons)
install(FILES ${_res}/examples/default.ctxscope.json ${_res}/scenario.schema.json
        DESTINATION ${CMAKE_INSTALL_DATADIR}/ctxscope/examples)

# --- the Debian package ------------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ctxscope)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "ctxscope")
set(CPACK_PACKAGE_CONTACT "ctxscope maintainers <ctxscope@invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "See what Go's context.Context does")
set(CPACK_PACKAGE_DESCRIPTION
    "Build a tree of Go contexts, start goroutine-like tasks on them, give them timeouts and
deadlines, press play and watch cancellation run down the tree on a deterministic virtual clock.
Includes 16 lessons, and ctxscope-cli, which runs the same scenario files without a display.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY ctxscope)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)   # ctxscope_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The Qt libraries the programs link (libqt6core6, libqt6quick6, …) come from dpkg-shlibdeps.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# What dpkg-shlibdeps cannot see: the QML modules the app imports at run time (qml/*.qml, and
# what Qt's own QML imports in turn: the Fusion style, the file dialog's folder list), one
# Debian package each (STYLE.md §3.1: none of them depends on another).
if(CTXSCOPE_BUILD_GUI)
    set(CPACK_DEBIAN_PACKAGE_DEPENDS
        "qml6-module-qtquick, qml6-module-qtquick-controls, qml6-module-qtquick-templates, qml6-module-qtquick-layouts, qml6-module-qtquick-window, qml6-module-qtquick-dialogs, qml6-module-qt-labs-folderlistmodel, qml6-module-qtqml, qml6-module-qtqml-models, qml6-module-qtqml-workerscript")
endif()
# The MIME database, the icon cache and the menus are refreshed by dpkg triggers that
# shared-mime-info, the icon themes and desktop-file-utils declare: no maintainer scripts.
include(CPack)
