#include "core/forms/formstate.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace fieldledger::core {

namespace {

// An issue as stored: the message is made when asked for, in the language of the moment.
struct StoredIssue {
    FieldIssue::Kind kind = FieldIssue::Kind::Required;
    ValueProblem problem = ValueProblem::None; // Type
    int bound = 0;                             // RepeatCount: the min or max not met
    bool tooMany = false;                      // RepeatCount: above max

    friend bool operator==(const StoredIssue &, const StoredIssue &) = default;
};

struct FieldState {
    bool relevant = true;
    bool required = false;
    QJsonValue calculated = QJsonValue(QJsonValue::Undefined);
    std::optional<StoredIssue> issue;

    friend bool operator==(const FieldState &, const FieldState &) = default;
};

// One instance of a scope: the form itself, or one instance of a repeat. Values and states
// are indexed by the field's position in its scope (FormScope::fields).
struct Instance {
    QString guid;
    int scope = 0;
    Instance *parent = nullptr;
    QString prefix; // "" for the form, "members[2]" for an instance
    std::vector<QJsonValue> raw;
    std::vector<FieldState> states;
    std::vector<std::vector<std::unique_ptr<Instance>>> repeats; // used at repeat fields' positions
};

QString joinPath(const QString &prefix, const QString &name)
{
    return prefix.isEmpty() ? name : prefix + u'.' + name;
}

QString instancePrefix(const QString &parentPrefix, const QString &repeat, qsizetype index)
{
    return joinPath(parentPrefix, repeat) + u'[' + QString::number(index) + u']';
}

QJsonValue toJson(const ExpressionValue &value)
{
    switch (value.type()) {
    case ExpressionValue::Type::Number:
        if (std::isfinite(value.toNumber()))
            return value.toNumber();
        return QJsonValue(QJsonValue::Undefined);
    case ExpressionValue::Type::Boolean:
        return value.toBool();
    case ExpressionValue::Type::String:
    case ExpressionValue::Type::NodeSet:
        break;
    }
    const QString text = value.toString();
    return text.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(text);
}

enum class Message {
    Required,
    Constraint,
    NotInteger,
    NotNumber,
    NotDate,
    NotGeopoint,
    GeopointOutOfRange,
    NotChoice,
    NotText,
    TooFew,
    TooMany,
};

QString builtInMessage(Message message, const QString &language, int bound = 0)
{
    auto speaks = [&language](QStringView code) {
        return language == code || (language.startsWith(code) && language.size() > code.size() &&
                                    (language[code.size()] == u'-' || language[code.size()] == u'_'));
    };
    const bool french = speaks(u"fr");
    const bool spanish = speaks(u"es");
    // English, French, Spanish.
    auto pick = [french, spanish](QString en, QString fr, QString es) {
        return french ? std::move(fr) : spanish ? std::move(es) : std::move(en);
    };
    const QString count = QString::number(bound);
    const bool one = bound == 1;
    switch (message) {
    case Message::Required:
        return pick(u"This field is required."_s, u"Cette réponse est obligatoire."_s,
                    u"Esta respuesta es obligatoria."_s);
    case Message::Constraint:
        return pick(u"This value is not accepted."_s, u"Cette valeur n'est pas acceptée."_s,
                    u"Este valor no se acepta."_s);
    case Message::NotInteger:
        return pick(u"Enter a whole number."_s, u"Saisissez un nombre entier."_s,
                    u"Introduzca un número entero."_s);
    case Message::NotNumber:
        return pick(u"Enter a number."_s, u"Saisissez un nombre."_s, u"Introduzca un número."_s);
    case Message::NotDate:
        return pick(u"Enter a valid date (YYYY-MM-DD)."_s, u"Saisissez une date valide (AAAA-MM-JJ)."_s,
                    u"Introduzca una fecha válida (AAAA-MM-DD)."_s);
    case Message::NotGeopoint:
        return pick(u"Enter a location: latitude and longitude."_s,
                    u"Saisissez une position : latitude et longitude."_s,
                    u"Introduzca una ubicación: latitud y longitud."_s);
    case Message::GeopointOutOfRange:
        return pick(u"Latitude must be between -90 and 90 and longitude between -180 and 180."_s,
                    u"La latitude doit être entre -90 et 90 et la longitude entre -180 et 180."_s,
                    u"La latitud debe estar entre -90 y 90 y la longitud entre -180 y 180."_s);
    case Message::NotChoice:
        return pick(u"Choose one of the options offered."_s, u"Choisissez une des options proposées."_s,
                    u"Elija una de las opciones propuestas."_s);
    case Message::NotText:
        return pick(u"Enter a text."_s, u"Saisissez un texte."_s, u"Introduzca un texto."_s);
    case Message::TooFew:
        return pick(u"At least "_s + count + (one ? u" entry is needed."_s : u" entries are needed."_s),
                    u"Il faut au moins "_s + count + (one ? u" entrée."_s : u" entrées."_s),
                    (one ? u"Se necesita al menos "_s : u"Se necesitan al menos "_s) + count +
                        (one ? u" entrada."_s : u" entradas."_s));
    case Message::TooMany:
        return pick(u"At most "_s + count + (one ? u" entry is allowed."_s : u" entries are allowed."_s),
                    u"Il ne peut y avoir plus de "_s + count + (one ? u" entrée."_s : u" entrées."_s),
                    u"No puede haber más de "_s + count + (one ? u" entrada."_s : u" entradas."_s));
    }
    return {};
}

Message messageFor(ValueProblem problem)
{
    switch (problem) {
    case ValueProblem::NotInteger:
        return Message::NotInteger;
    case ValueProblem::NotNumber:
        return Message::NotNumber;
    case ValueProblem::NotDate:
        return Message::NotDate;
    case ValueProblem::NotGeopoint:
        return Message::NotGeopoint;
    case ValueProblem::GeopointOutOfRange:
        return Message::GeopointOutOfRange;
    case ValueProblem::NotText:
        return Message::NotText;
    case ValueProblem::None:
    case ValueProblem::NotChoice:
        break;
    }
    return Message::NotChoice;
}

} // namespace

// ---------------------------------------------------------------------------------------------

struct FormState::Impl {
    FormDefinition definition;
    const FormPlan &plan;
    const std::vector<const Field *> &all;
    std::vector<int> local;                      // field index -> position in its scope
    std::vector<QHash<QString, int>> localNames; // per scope: its own names -> field index
    std::vector<std::vector<char>> within;       // [a][b]: scope a is b or encloses it
    std::vector<char> changesStructure;          // field -> a change can change a repeat count
    std::vector<std::optional<std::vector<int>>> affectedCache;
    std::vector<std::optional<std::vector<int>>> checkedCache;
    QDate today;
    QString language;
    std::unique_ptr<IdGenerator> ids;
    std::unique_ptr<Instance> root;

    Impl(FormDefinition form, QDate date, std::unique_ptr<IdGenerator> generator)
        : definition(std::move(form))
        , plan(definition.plan())
        , all(definition.allFields())
        , today(date)
        , language(definition.defaultLanguage())
        , ids(generator ? std::move(generator) : std::make_unique<UuidGenerator>())
    {
        const std::size_t scopes = plan.scopes.size();
        local.assign(all.size(), 0);
        localNames.resize(scopes);
        within.assign(scopes, std::vector<char>(scopes, 0));
        for (std::size_t s = 0; s < scopes; ++s) {
            const std::vector<int> &fields = plan.scopes[s].fields;
            for (std::size_t i = 0; i < fields.size(); ++i) {
                local[std::size_t(fields[i])] = int(i);
                localNames[s].insert(all[std::size_t(fields[i])]->name, fields[i]);
            }
            for (int a = int(s); a >= 0; a = plan.scopes[std::size_t(a)].parent)
                within[std::size_t(a)][s] = 1;
        }
        affectedCache.resize(all.size());
        checkedCache.resize(all.size());
        changesStructure.assign(all.size(), 0);
        for (std::size_t f = 0; f < all.size(); ++f) {
            for (int g : affected(int(f))) {
                if (all[std::size_t(g)]->type == FieldType::Repeat && all[std::size_t(g)]->count)
                    changesStructure[f] = 1;
            }
        }
    }

    const FieldState &state(const Instance &instance, const Field &field) const
    {
        return instance.states[std::size_t(local[std::size_t(field.index)])];
    }

    // ----- building instances

    std::unique_ptr<Instance> makeInstance(int scope, Instance *parent, QString prefix, QString guid,
                                           const FormValues *values)
    {
        auto instance = std::make_unique<Instance>();
        instance->scope = scope;
        instance->parent = parent;
        instance->prefix = std::move(prefix);
        instance->guid = guid.isEmpty() && scope != 0 ? ids->next() : std::move(guid);
        const std::vector<int> &fields = plan.scopes[std::size_t(scope)].fields;
        instance->raw.assign(fields.size(), QJsonValue(QJsonValue::Undefined));
        instance->states.assign(fields.size(), FieldState{});
        instance->repeats.resize(fields.size());
        for (std::size_t i = 0; i < fields.size(); ++i) {
            const Field &field = *all[std::size_t(fields[i])];
            if (field.holdsValue() && field.type != FieldType::Calculate) {
                if (values) {
                    if (const auto it = values->values.constFind(field.name); it != values->values.constEnd())
                        instance->raw[i] = *it;
                } else if (!field.defaultValue.isUndefined()) {
                    instance->raw[i] = field.defaultValue;
                }
            }
            if (field.type != FieldType::Repeat)
                continue;
            auto &instances = instance->repeats[i];
            if (values) {
                const std::vector<FormValues> given = values->repeats.value(field.name);
                for (const FormValues &child : given) {
                    instances.push_back(makeInstance(
                        field.innerScope, instance.get(),
                        instancePrefix(instance->prefix, field.name, instances.size()), child.guid, &child));
                }
            } else if (!field.count) {
                for (int n = 0; n < field.minCount; ++n)
                    instances.push_back(newInstance(*instance, field));
            }
        }
        return instance;
    }

    std::unique_ptr<Instance> newInstance(Instance &parent, const Field &repeat)
    {
        const auto &instances = parent.repeats[std::size_t(local[std::size_t(repeat.index)])];
        return makeInstance(repeat.innerScope, &parent,
                            instancePrefix(parent.prefix, repeat.name, instances.size()), QString(), nullptr);
    }

    void renumber(Instance &instance)
    {
        const std::vector<int> &fields = plan.scopes[std::size_t(instance.scope)].fields;
        for (std::size_t i = 0; i < fields.size(); ++i) {
            auto &instances = instance.repeats[i];
            for (std::size_t n = 0; n < instances.size(); ++n) {
                instances[n]->prefix =
                    instancePrefix(instance.prefix, all[std::size_t(fields[i])]->name, qsizetype(n));
                renumber(*instances[n]);
            }
        }
    }

    // ----- navigating

    // Every instance of `scope` at or under `from` (which is in `scope` or encloses it).
    template<typename I>
    void collect(I *from, int scope, std::vector<I *> &out) const
    {
        if (from->scope == scope) {
            out.push_back(from);
            return;
        }
        int child = scope;
        while (plan.scopes[std::size_t(child)].parent != from->scope)
            child = plan.scopes[std::size_t(child)].parent;
        const int repeat = plan.scopes[std::size_t(child)].repeat;
        for (const auto &instance : from->repeats[std::size_t(local[std::size_t(repeat)])])
            collect<I>(instance.get(), scope, out);
    }

    template<typename I>
    std::vector<I *> instancesOf(I *from, int scope) const
    {
        std::vector<I *> out;
        collect(from, scope, out);
        return out;
    }

    // The nearest instance at or above `instance` whose scope is `scope` or encloses it.
    template<typename I>
    I *ancestorWithin(I *instance, int scope) const
    {
        while (!within[std::size_t(instance->scope)][std::size_t(scope)])
            instance = instance->parent;
        return instance;
    }

    static int depth(const Instance *instance)
    {
        int d = 0;
        for (; instance->parent; instance = instance->parent)
            ++d;
        return d;
    }

    static Instance *commonAncestor(Instance *a, Instance *b)
    {
        int da = depth(a);
        int db = depth(b);
        for (; da > db; --da)
            a = a->parent;
        for (; db > da; --db)
            b = b->parent;
        while (a != b) {
            a = a->parent;
            b = b->parent;
        }
        return a;
    }

    struct Location {
        Instance *instance = nullptr;
        const Field *field = nullptr;
        int index = -1; // "members[2]": the instance index
    };

    std::optional<Location> locate(QStringView path) const
    {
        Instance *instance = root.get();
        const QList<QStringView> parts = path.split(u'.');
        for (qsizetype k = 0; k < parts.size(); ++k) {
            QStringView part = parts[k];
            int index = -1;
            if (const qsizetype bracket = part.indexOf(u'['); bracket >= 0) {
                if (!part.endsWith(u']'))
                    return std::nullopt;
                bool ok = false;
                index = part.sliced(bracket + 1, part.size() - bracket - 2).toInt(&ok);
                if (!ok || index < 0)
                    return std::nullopt;
                part = part.first(bracket);
            }
            const int fieldIndex = localNames[std::size_t(instance->scope)].value(part.toString(), -1);
            if (fieldIndex < 0)
                return std::nullopt;
            const Field *field = all[std::size_t(fieldIndex)];
            if (index >= 0) {
                if (field->type != FieldType::Repeat)
                    return std::nullopt;
                if (std::size_t(index) >=
                    instance->repeats[std::size_t(local[std::size_t(fieldIndex)])].size())
                    return std::nullopt;
            }
            if (k == parts.size() - 1)
                return Location{instance, field, index};
            if (index < 0)
                return std::nullopt;
            instance =
                instance->repeats[std::size_t(local[std::size_t(fieldIndex)])][std::size_t(index)].get();
        }
        return std::nullopt;
    }

    // ----- values as expressions see them

    ExpressionValue ownValue(const Instance &instance, const Field &field) const
    {
        const std::size_t position = std::size_t(local[std::size_t(field.index)]);
        switch (field.type) {
        case FieldType::Repeat:
            return ExpressionValue::nodeSet(QStringList(instance.repeats[position].size(), QString()));
        case FieldType::Calculate:
            return core::expressionValue(field, instance.states[position].calculated);
        case FieldType::Group:
        case FieldType::Note:
            return {};
        default:
            return core::expressionValue(field, instance.raw[position]);
        }
    }

    ExpressionValue valueOf(const Instance &instance, const Field &field) const
    {
        if (!state(instance, field).relevant)
            return field.type == FieldType::Repeat ? ExpressionValue::nodeSet({}) : ExpressionValue();
        return ownValue(instance, field);
    }

    ExpressionValue referenceValue(const Instance &from, int target) const
    {
        const Field &field = *all[std::size_t(target)];
        const Instance *anchor = ancestorWithin(&from, field.scope);
        if (anchor->scope == field.scope)
            return valueOf(*anchor, field);
        QStringList nodes;
        for (const Instance *instance : instancesOf(anchor, field.scope)) {
            const ExpressionValue value = valueOf(*instance, field);
            if (value.isNodeSet())
                nodes += value.nodes();
            else
                nodes.push_back(value.toString());
        }
        return ExpressionValue::nodeSet(std::move(nodes));
    }

    bool parentRelevant(const Instance &instance, const Field &field) const
    {
        if (field.parent < 0)
            return true;
        const Field &parent = *all[std::size_t(field.parent)];
        const Instance &owner = parent.scope == instance.scope ? instance : *instance.parent;
        return state(owner, parent).relevant;
    }

    class Context final : public EvaluationContext {
    public:
        Context(const Impl &impl, const Instance &instance, const Field &field)
            : m_impl(impl)
            , m_instance(instance)
            , m_field(field)
        {
            today = impl.today;
        }

        ExpressionValue reference(const QString &name) const override
        {
            const int target = m_impl.plan.scopes[std::size_t(m_field.scope)].visible.value(name, -1);
            return target < 0 ? ExpressionValue() : m_impl.referenceValue(m_instance, target);
        }

        ExpressionValue currentValue() const override { return m_impl.ownValue(m_instance, m_field); }

        ExpressionValue column(const QString &name) const override
        {
            return m_choice ? ExpressionValue::string(m_choice->column(name)) : ExpressionValue();
        }

        void setChoice(const Choice *choice) { m_choice = choice; }

    private:
        const Impl &m_impl;
        const Instance &m_instance;
        const Field &m_field;
        const Choice *m_choice = nullptr;
    };

    std::vector<const Choice *> filteredChoices(const Instance &instance, const Field &field) const
    {
        std::vector<const Choice *> result;
        if (!field.choices)
            return result;
        Context context(*this, instance, field);
        for (const Choice &choice : *field.choices) {
            context.setChoice(&choice);
            if (!field.choiceFilter || field.choiceFilter->evaluateBool(context))
                result.push_back(&choice);
        }
        return result;
    }

    // ----- evaluation

    // Relevance, calculation and repeat count of one field in one instance. True when its
    // relevance or calculated value changed; `structural` is set when instances came or went.
    bool evaluateValue(Instance &instance, const Field &field, bool &structural)
    {
        FieldState &st = instance.states[std::size_t(local[std::size_t(field.index)])];
        const bool wasRelevant = st.relevant;
        const QJsonValue wasCalculated = st.calculated;
        const Context context(*this, instance, field);
        st.relevant =
            parentRelevant(instance, field) && (!field.relevant || field.relevant->evaluateBool(context));
        if (field.type == FieldType::Calculate)
            st.calculated = st.relevant ? toJson(field.calculation->evaluate(context))
                                        : QJsonValue(QJsonValue::Undefined);
        if (field.type == FieldType::Repeat && field.count && st.relevant) {
            const double wanted = field.count->evaluate(context).toNumber();
            constexpr double maxInstances = 10000;
            std::size_t target =
                std::isnan(wanted) || wanted < 0 ? 0 : std::size_t(std::min(wanted, maxInstances));
            if (field.maxCount)
                target = std::min(target, std::size_t(*field.maxCount));
            auto &instances = instance.repeats[std::size_t(local[std::size_t(field.index)])];
            if (instances.size() != target)
                structural = true;
            while (instances.size() > target)
                instances.pop_back();
            while (instances.size() < target)
                instances.push_back(newInstance(instance, field));
        }
        return st.relevant != wasRelevant || st.calculated != wasCalculated;
    }

    std::optional<StoredIssue> findIssue(const Instance &instance, const Field &field, bool required) const
    {
        const std::size_t position = std::size_t(local[std::size_t(field.index)]);
        if (field.type == FieldType::Repeat) {
            const int count = int(instance.repeats[position].size());
            if (count < field.minCount)
                return StoredIssue{FieldIssue::Kind::RepeatCount, ValueProblem::None, field.minCount, false};
            if (field.maxCount && count > *field.maxCount)
                return StoredIssue{FieldIssue::Kind::RepeatCount, ValueProblem::None, *field.maxCount, true};
            return std::nullopt;
        }
        if (!field.isInput() && field.type != FieldType::Hidden)
            return std::nullopt;
        const QJsonValue &value = instance.raw[position];
        if (isEmptyValue(value)) {
            if (required)
                return StoredIssue{FieldIssue::Kind::Required};
            return std::nullopt;
        }
        const ValueProblem problem = checkValue(field, value);
        if (problem == ValueProblem::NotChoice)
            return StoredIssue{FieldIssue::Kind::Choice};
        if (problem != ValueProblem::None)
            return StoredIssue{FieldIssue::Kind::Type, problem};
        if (field.isSelect() && field.choiceFilter) {
            const std::vector<const Choice *> offered = filteredChoices(instance, field);
            const QStringList names = selectedNames(value);
            for (const QString &name : names) {
                if (std::ranges::none_of(offered, [&](const Choice *choice) { return choice->name == name; }))
                    return StoredIssue{FieldIssue::Kind::Choice};
            }
        }
        if (field.constraint && !field.constraint->evaluateBool(Context(*this, instance, field)))
            return StoredIssue{FieldIssue::Kind::Constraint};
        return std::nullopt;
    }

    // Requirement and issue of one field in one instance; true when either changed.
    bool evaluateValidity(Instance &instance, const Field &field)
    {
        FieldState &st = instance.states[std::size_t(local[std::size_t(field.index)])];
        const bool wasRequired = st.required;
        const std::optional<StoredIssue> hadIssue = st.issue;
        st.required = false;
        st.issue.reset();
        if (st.relevant) {
            if (field.required)
                st.required = field.required->evaluateBool(Context(*this, instance, field));
            st.issue = findIssue(instance, field, st.required);
        }
        return st.required != wasRequired || st.issue != hadIssue;
    }

    void evaluateAll()
    {
        bool structural = false;
        for (int index : plan.order) {
            const Field &field = *all[std::size_t(index)];
            for (Instance *instance : instancesOf(root.get(), field.scope))
                evaluateValue(*instance, field, structural);
        }
        for (const Field *field : all) {
            for (Instance *instance : instancesOf(root.get(), field->scope))
                evaluateValidity(*instance, *field);
        }
    }

    void snapshot(const Instance &instance, QHash<QString, FieldState> &out) const
    {
        const std::vector<int> &fields = plan.scopes[std::size_t(instance.scope)].fields;
        for (std::size_t i = 0; i < fields.size(); ++i) {
            out.insert(joinPath(instance.prefix, all[std::size_t(fields[i])]->name), instance.states[i]);
            for (const auto &child : instance.repeats[i])
                snapshot(*child, out);
        }
    }

    QHash<QString, FieldState> snapshot() const
    {
        QHash<QString, FieldState> out;
        snapshot(*root, out);
        return out;
    }

    static QSet<QString> difference(const QHash<QString, FieldState> &before,
                                    const QHash<QString, FieldState> &after)
    {
        QSet<QString> changed;
        for (auto it = after.constBegin(); it != after.constEnd(); ++it) {
            const auto old = before.constFind(it.key());
            if (old == before.constEnd() || !(*old == *it))
                changed.insert(it.key());
        }
        for (auto it = before.constBegin(); it != before.constEnd(); ++it) {
            if (!after.contains(it.key()))
                changed.insert(it.key());
        }
        return changed;
    }

    QSet<QString> evaluateAllAndDiff(const QHash<QString, FieldState> &before)
    {
        evaluateAll();
        return difference(before, snapshot());
    }

    // Fields whose relevance or calculation may change when `field` changes, in evaluation order.
    const std::vector<int> &affected(int field)
    {
        std::optional<std::vector<int>> &cached = affectedCache[std::size_t(field)];
        if (cached)
            return *cached;
        std::vector<char> seen(all.size(), 0);
        std::vector<int> stack{field};
        std::vector<int> result;
        while (!stack.empty()) {
            const int next = stack.back();
            stack.pop_back();
            for (int reader : plan.valueReaders[std::size_t(next)]) {
                if (!seen[std::size_t(reader)]) {
                    seen[std::size_t(reader)] = 1;
                    result.push_back(reader);
                    stack.push_back(reader);
                }
            }
        }
        std::ranges::sort(result, [&](int a, int b) {
            return plan.orderPosition[std::size_t(a)] < plan.orderPosition[std::size_t(b)];
        });
        cached = std::move(result);
        return *cached;
    }

    // Fields whose requirement or issue may change when `field` changes.
    const std::vector<int> &checked(int field)
    {
        std::optional<std::vector<int>> &cached = checkedCache[std::size_t(field)];
        if (cached)
            return *cached;
        std::vector<int> changedValues = affected(field);
        changedValues.push_back(field);
        std::vector<char> seen(all.size(), 0);
        std::vector<int> result;
        auto add = [&](int f) {
            if (!seen[std::size_t(f)]) {
                seen[std::size_t(f)] = 1;
                result.push_back(f);
            }
        };
        for (int f : changedValues) {
            add(f);
            for (int reader : plan.checkReaders[std::size_t(f)])
                add(reader);
        }
        std::ranges::sort(result);
        cached = std::move(result);
        return *cached;
    }

    // After `field` changed in `instance`: re-evaluates what reads it, in the instances it can
    // reach. A field re-evaluated under instance R is re-evaluated in every instance of its
    // scope under R; R is where the changes it reads meet (e.g. a form-level field changes all
    // instances of a repeat that reads it; a repeat field changes only its own instance, and
    // the form-level sum that reads it).
    QSet<QString> propagate(Instance &instance, const Field &field)
    {
        QSet<QString> changes;
        std::vector<Instance *> dirty(all.size(), nullptr);
        dirty[std::size_t(field.index)] = &instance;
        auto rootFor = [&](const Field &target, const std::vector<int> &reads, bool self) {
            Instance *root = nullptr;
            auto consider = [&](int read) {
                if (Instance *changed = dirty[std::size_t(read)]) {
                    Instance *candidate = ancestorWithin(changed, target.scope);
                    root = root ? commonAncestor(root, candidate) : candidate;
                }
            };
            for (int read : reads)
                consider(read);
            if (self)
                consider(target.index);
            return root;
        };
        bool structural = false;
        for (int index : affected(field.index)) {
            const Field &target = *all[std::size_t(index)];
            Instance *root = rootFor(target, plan.valueReads[std::size_t(index)], false);
            if (!root)
                continue;
            dirty[std::size_t(index)] = root;
            for (Instance *each : instancesOf(root, target.scope)) {
                if (evaluateValue(*each, target, structural))
                    changes.insert(joinPath(each->prefix, target.name));
            }
        }
        for (int index : checked(field.index)) {
            const Field &target = *all[std::size_t(index)];
            Instance *root = rootFor(target, plan.checkReads[std::size_t(index)], true);
            if (!root)
                continue;
            for (Instance *each : instancesOf(root, target.scope)) {
                if (evaluateValidity(*each, target))
                    changes.insert(joinPath(each->prefix, target.name));
            }
        }
        return changes;
    }

    // ----- output

    FieldIssue issueFor(const Instance &instance, const Field &field, const StoredIssue &stored) const
    {
        FieldIssue issue;
        issue.path = joinPath(instance.prefix, field.name);
        issue.field = field.name;
        issue.kind = stored.kind;
        const QString &fallback = definition.defaultLanguage();
        switch (stored.kind) {
        case FieldIssue::Kind::Required:
            issue.message = field.requiredMessage.text(language, fallback);
            if (issue.message.isEmpty())
                issue.message = builtInMessage(Message::Required, language);
            break;
        case FieldIssue::Kind::Constraint:
            issue.message = field.constraintMessage.text(language, fallback);
            if (issue.message.isEmpty())
                issue.message = builtInMessage(Message::Constraint, language);
            break;
        case FieldIssue::Kind::Type:
            issue.message = builtInMessage(messageFor(stored.problem), language);
            break;
        case FieldIssue::Kind::Choice:
            issue.message = builtInMessage(Message::NotChoice, language);
            break;
        case FieldIssue::Kind::RepeatCount:
            issue.message =
                builtInMessage(stored.tooMany ? Message::TooMany : Message::TooFew, language, stored.bound);
            break;
        }
        return issue;
    }

    void collectIssues(const Instance &instance, std::vector<FieldIssue> &out) const
    {
        const std::vector<int> &fields = plan.scopes[std::size_t(instance.scope)].fields;
        for (std::size_t i = 0; i < fields.size(); ++i) {
            const Field &field = *all[std::size_t(fields[i])];
            if (instance.states[i].issue)
                out.push_back(issueFor(instance, field, *instance.states[i].issue));
            for (const auto &child : instance.repeats[i])
                collectIssues(*child, out);
        }
    }

    FormValues valuesOf(const Instance &instance, bool effective) const
    {
        FormValues values;
        values.guid = instance.guid;
        const std::vector<int> &fields = plan.scopes[std::size_t(instance.scope)].fields;
        for (std::size_t i = 0; i < fields.size(); ++i) {
            const Field &field = *all[std::size_t(fields[i])];
            const FieldState &st = instance.states[i];
            if (effective && !st.relevant)
                continue;
            if (field.type == FieldType::Repeat) {
                std::vector<FormValues> instances;
                for (const auto &child : instance.repeats[i])
                    instances.push_back(valuesOf(*child, effective));
                values.repeats.insert(field.name, std::move(instances));
            } else if (field.type == FieldType::Calculate) {
                if (effective && !st.calculated.isUndefined())
                    values.values.insert(field.name, st.calculated);
            } else if (field.holdsValue() && !instance.raw[i].isUndefined()) {
                values.values.insert(field.name, instance.raw[i]);
            }
        }
        return values;
    }
};

// ---------------------------------------------------------------------------------------------

FormState::FormState(FormDefinition definition, QDate today, std::unique_ptr<IdGenerator> ids)
    : m_impl(std::make_unique<Impl>(std::move(definition), today, std::move(ids)))
{
    m_impl->root = m_impl->makeInstance(0, nullptr, QString(), QString(), nullptr);
    m_impl->evaluateAll();
}

FormState::FormState(FormDefinition definition, const FormValues &values, QDate today,
                     std::unique_ptr<IdGenerator> ids)
    : m_impl(std::make_unique<Impl>(std::move(definition), today, std::move(ids)))
{
    m_impl->root = m_impl->makeInstance(0, nullptr, QString(), QString(), &values);
    m_impl->evaluateAll();
}

FormState::~FormState() = default;
FormState::FormState(FormState &&other) noexcept = default;
FormState &FormState::operator=(FormState &&other) noexcept = default;

const FormDefinition &FormState::definition() const
{
    return m_impl->definition;
}

const QString &FormState::language() const
{
    return m_impl->language;
}

void FormState::setLanguage(const QString &language)
{
    m_impl->language = language;
}

QDate FormState::today() const
{
    return m_impl->today;
}

QSet<QString> FormState::setToday(QDate today)
{
    const auto before = m_impl->snapshot();
    m_impl->today = today;
    return m_impl->evaluateAllAndDiff(before);
}

Result<QSet<QString>> FormState::setValue(const QString &path, const QJsonValue &value)
{
    const std::optional<Impl::Location> location = m_impl->locate(path);
    if (!location || location->index >= 0)
        return fail(ErrorCode::NotFound, u"no field at '"_s + path + u"'"_s);
    const Field &field = *location->field;
    if (!field.isInput() && field.type != FieldType::Hidden)
        return fail(ErrorCode::InvalidArgument, u"'"_s + path + u"' is a "_s + fieldTypeName(field.type) +
                                                    u" field: its value cannot be set"_s);
    Instance &instance = *location->instance;
    QJsonValue &stored = instance.raw[std::size_t(m_impl->local[std::size_t(field.index)])];
    if (stored == value && stored.type() == value.type())
        return QSet<QString>();
    if (m_impl->changesStructure[std::size_t(field.index)]) {
        const auto before = m_impl->snapshot();
        stored = value;
        return m_impl->evaluateAllAndDiff(before);
    }
    stored = value;
    return m_impl->propagate(instance, field);
}

QJsonValue FormState::value(const QString &path) const
{
    const std::optional<Impl::Location> location = m_impl->locate(path);
    if (!location || location->index >= 0)
        return QJsonValue(QJsonValue::Undefined);
    const std::size_t position = std::size_t(m_impl->local[std::size_t(location->field->index)]);
    if (location->field->type == FieldType::Calculate)
        return location->instance->states[position].calculated;
    return location->instance->raw[position];
}

bool FormState::isRelevant(const QString &path) const
{
    const std::optional<Impl::Location> location = m_impl->locate(path);
    if (!location)
        return false;
    return m_impl->state(*location->instance, *location->field).relevant;
}

bool FormState::isRequired(const QString &path) const
{
    const std::optional<Impl::Location> location = m_impl->locate(path);
    if (!location || location->index >= 0)
        return false;
    const FieldState &st = m_impl->state(*location->instance, *location->field);
    return st.relevant && st.required;
}

std::optional<FieldIssue> FormState::issue(const QString &path) const
{
    const std::optional<Impl::Location> location = m_impl->locate(path);
    if (!location || location->index >= 0)
        return std::nullopt;
    const FieldState &st = m_impl->state(*location->instance, *location->field);
    if (!st.issue)
        return std::nullopt;
    return m_impl->issueFor(*location->instance, *location->field, *st.issue);
}

std::vector<const Choice *> FormState::choices(const QString &path) const
{
    const std::optional<Impl::Location> location = m_impl->locate(path);
    if (!location || location->index >= 0)
        return {};
    return m_impl->filteredChoices(*location->instance, *location->field);
}

int FormState::instanceCount(const QString &repeatPath) const
{
    const std::optional<Impl::Location> location = m_impl->locate(repeatPath);
    if (!location || location->index >= 0 || location->field->type != FieldType::Repeat)
        return 0;
    return int(
        location->instance->repeats[std::size_t(m_impl->local[std::size_t(location->field->index)])].size());
}

QString FormState::instanceGuid(const QString &instancePath) const
{
    const std::optional<Impl::Location> location = m_impl->locate(instancePath);
    if (!location || location->index < 0)
        return {};
    const auto &instances =
        location->instance->repeats[std::size_t(m_impl->local[std::size_t(location->field->index)])];
    return instances[std::size_t(location->index)]->guid;
}

bool FormState::canAddInstance(const QString &repeatPath) const
{
    const std::optional<Impl::Location> location = m_impl->locate(repeatPath);
    if (!location || location->index >= 0 || location->field->type != FieldType::Repeat ||
        location->field->count)
        return false;
    const Field &field = *location->field;
    return !field.maxCount || instanceCount(repeatPath) < *field.maxCount;
}

bool FormState::canRemoveInstance(const QString &repeatPath) const
{
    const std::optional<Impl::Location> location = m_impl->locate(repeatPath);
    if (!location || location->index >= 0 || location->field->type != FieldType::Repeat ||
        location->field->count)
        return false;
    return instanceCount(repeatPath) > location->field->minCount;
}

Result<QSet<QString>> FormState::addInstance(const QString &repeatPath)
{
    if (!canAddInstance(repeatPath))
        return fail(ErrorCode::InvalidArgument, u"cannot add an instance to '"_s + repeatPath + u"'"_s);
    const Impl::Location location = *m_impl->locate(repeatPath);
    const auto before = m_impl->snapshot();
    auto &instances =
        location.instance->repeats[std::size_t(m_impl->local[std::size_t(location.field->index)])];
    instances.push_back(m_impl->newInstance(*location.instance, *location.field));
    return m_impl->evaluateAllAndDiff(before);
}

Result<QSet<QString>> FormState::removeInstance(const QString &repeatPath, int index)
{
    if (!canRemoveInstance(repeatPath))
        return fail(ErrorCode::InvalidArgument, u"cannot remove an instance of '"_s + repeatPath + u"'"_s);
    const Impl::Location location = *m_impl->locate(repeatPath);
    auto &instances =
        location.instance->repeats[std::size_t(m_impl->local[std::size_t(location.field->index)])];
    if (index < 0 || std::size_t(index) >= instances.size())
        return fail(ErrorCode::NotFound,
                    u"no instance "_s + QString::number(index) + u" of '"_s + repeatPath + u"'"_s);
    const auto before = m_impl->snapshot();
    instances.erase(instances.begin() + index);
    m_impl->renumber(*location.instance);
    return m_impl->evaluateAllAndDiff(before);
}

std::vector<FieldIssue> FormState::validate() const
{
    std::vector<FieldIssue> issues;
    m_impl->collectIssues(*m_impl->root, issues);
    return issues;
}

FormValues FormState::values() const
{
    return m_impl->valuesOf(*m_impl->root, false);
}

FormValues FormState::effectiveValues() const
{
    return m_impl->valuesOf(*m_impl->root, true);
}

QJsonObject FormState::toEventData() const
{
    return m_impl->definition.toEventData(effectiveValues());
}

} // namespace fieldledger::core
