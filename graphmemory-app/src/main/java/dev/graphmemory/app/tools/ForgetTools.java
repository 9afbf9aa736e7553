package dev.graphmemory.app.tools;

import static dev.graphmemory.app.tools.Param.string;
import static dev.graphmemory.app.tools.Tool.Effect.REMOVES;

import dev.graphmemory.exceptions.InvalidInputException;

/**
 * The tools that remove memories for good. They are marked destructive, so that MCP clients may ask the user first;
 * both answer with counts only, since the content is gone.
 */
final class ForgetTools {
    static final Tool FORGET = Tool.of(
            "forget",
            "Forget a memory",
            "Remove one memory and its relationships for good, when the user asks to forget or correct it."
                    + " An audit record of what kind of memory was removed and when stays, without its content.",
            REMOVES,
            (memory, args) -> Results.ForgetReport.of(memory.forget(args.string("id"))),
            string("id", "Id of the memory to forget").mandatory());

    static final Tool FORGET_NAMESPACE = Tool.of(
            "forget_namespace",
            "Forget everything",
            "Remove every memory of this user's memory (its namespace) for good, in bounded steps. Only when"
                    + " the user explicitly asks to erase all of their memory: confirm must be the namespace's"
                    + " name, which the user knows; do not guess it. An audit record of the counts stays.",
            REMOVES,
            (memory, args) -> {
                // The name is the confirmation: a model that did not ask the user cannot know it.
                if (!memory.namespace().equals(args.string("confirm"))) {
                    throw new InvalidInputException(
                            "confirm",
                            "must be the name of this memory's namespace, exactly; ask the user for it."
                                    + " Nothing was removed");
                }
                return Results.ForgetReport.of(memory.forgetNamespace());
            },
            string("confirm", "The namespace's name, as the user gave it").mandatory());

    private ForgetTools() {}
}
