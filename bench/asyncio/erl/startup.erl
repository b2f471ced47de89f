%% startup.erl — the Erlang peer of ../startup.py: print one line and halt.
%%
%%   erlc startup.erl && erl -noshell -run startup main
-module(startup).
-export([main/0, main/1]).

main() -> main([]).
main(_) ->
    io:format("startup~n"),
    halt(0).
