# Writes OUT, a C++ source holding every file under WEB_DIR as bytes, with its path and type.
# Run as: cmake -DWEB_DIR=... -DOUT=... -P embed.cmake
file(GLOB_RECURSE files RELATIVE ${WEB_DIR} ${WEB_DIR}/*)
list(SORT files)
set(types "html=text/html; charset=utf-8" "css=text/css; charset=utf-8"
          "js=text/javascript; charset=utf-8" "svg=image/svg+xml" "png=image/png"
          "woff2=font/woff2" "woff=font/woff" "ttf=font/ttf" "txt=text/plain; charset=utf-8")
set(arrays "")
set(table "")
set(k 0)
foreach(f ${files})
  if(f MATCHES "(^|/)\\.")
    continue()
  endif()
  get_filename_component(ext ${f} LAST_EXT)
  if(NOT ext STREQUAL "")
    string(SUBSTRING "${ext}" 1 -1 ext)
  endif()
  set(type "")
  foreach(t ${types})
    string(REGEX MATCH "^([^=]*)=(.*)$" m "${t}")
    if(CMAKE_MATCH_1 STREQUAL ext)
      set(type "${CMAKE_MATCH_2}")
    endif()
  endforeach()
  if(type STREQUAL "")
    # LICENSE files and the like: plain text.
    set(type "text/plain; charset=utf-8")
  endif()
  file(READ ${WEB_DIR}/${f} hex HEX)
  string(LENGTH "${hex}" n)
  math(EXPR n "${n} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(APPEND arrays "const unsigned char a${k}[] = {${bytes}0};\n")
  string(APPEND table "    {\"/${f}\", \"${type}\", {reinterpret_cast<const char*>(a${k}), ${n}}},\n")
  math(EXPR k "${k} + 1")
endforeach()
file(WRITE ${OUT}.tmp "// Generated from web/ by server/embed.cmake: do not edit.\n"
  "#include \"server/assets.hpp\"\n\nnamespace dlmath::server {\n\nnamespace {\n${arrays}}  // namespace\n\n"
  "const std::vector<Asset>& assets() {\n  static const std::vector<Asset> list = {\n${table}  };\n"
  "  return list;\n}\n\n}  // namespace dlmath::server\n")
file(RENAME ${OUT}.tmp ${OUT})
