@echo off
rem The analysts' command line on Windows; see bin/credit-rules for the commands and exit codes.
rem Runs the jar the build produces, building it once when it is missing.
setlocal
set "ROOT=%~dp0.."
set "TARGET=%ROOT%\credit-rules\target"
set "JAR=%TARGET%\credit-rules-0.1.0-SNAPSHOT.jar"
set "LIB=%TARGET%\cli\lib"
if not exist "%JAR%" goto build
if not exist "%LIB%\credit-core-0.1.0-SNAPSHOT.jar" goto build
goto run
:build
echo credit-rules: building the command line (once)... 1>&2
pushd "%ROOT%"
call mvnw.cmd -q -B -pl credit-rules -am -DskipTests package > "%TEMP%\credit-rules-build.log" 2>&1
if errorlevel 1 (
  type "%TEMP%\credit-rules-build.log" 1>&2
  popd
  echo credit-rules: the build failed 1>&2
  exit /b 2
)
popd
:run
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn ^
  -Dorg.slf4j.simpleLogger.log.org.drools.compiler.kie.builder.impl.KieProject=off ^
  -cp "%JAR%;%LIB%\*" dev.creditcontrol.rules.analyst.Cli %*
exit /b %ERRORLEVEL%
